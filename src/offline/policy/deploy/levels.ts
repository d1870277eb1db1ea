import type { Level } from "../../model/types";
import type { Profile } from "../types";

/** A deploy failure stops `pulumi up` on every stack, so it blocks dev and prod alike. */
export const DEPLOY_FAILURE: Readonly<Record<Profile, Level>> = { dev: "mandatory", prod: "mandatory" };

/** Deploys, but costs money or breaks later: reported, never blocking. */
export const DEPLOY_ADVISORY: Readonly<Record<Profile, Level>> = { dev: "advisory", prod: "advisory" };
