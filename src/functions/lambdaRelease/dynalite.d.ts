// dynalite ships no types; this is the part of its API the tests use.
declare module "dynalite" {
    import type { Server } from "node:http";

    interface DynaliteOptions {
        /** How long a new table stays CREATING. @default 500 */
        readonly createTableMs?: number;
        readonly deleteTableMs?: number;
        readonly updateTableMs?: number;
    }

    function dynalite(options?: DynaliteOptions): Server;
    export = dynalite;
}
