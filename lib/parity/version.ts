/** Version of the engine that produced a report; bump when findings or scores change meaning. */
export const ENGINE_VERSION = "0.1.0";
