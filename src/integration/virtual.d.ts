declare module "virtual:course/store" {
  /** The folder the course integration wrote this build's computed chapters to. */
  export const STORE_DIR: string;
}
