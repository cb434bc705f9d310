import { timestamp } from "drizzle-orm/pg-core";

/** Every timestamp is `timestamp with time zone`: instants, never wall-clock times. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
