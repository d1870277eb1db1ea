/** The access report: its shape is part of the plan (src/offline/model/access.ts). */
export * from "../model/access";
