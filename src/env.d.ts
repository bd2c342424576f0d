/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** Set by the chapter page for the components its MDX uses. */
    page?: import("./pageModel/context.ts").PageContext;
  }
}
