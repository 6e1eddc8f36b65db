/** The govdocs release; bump with the CHANGELOG. */
export const VERSION = '0.1.0';
