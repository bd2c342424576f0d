declare module "virtual:course/store" {
  /** The folder the course integration wrote this build's computed chapters to. */
  export const STORE_DIR: string;
}

declare module "virtual:course/model" {
  /** The course's model, as the integration built it (src/course/courseModel.ts), without the environment. */
  export const model: import("../course/courseModel.ts").PageCourseModel;
  /** Each site locale's UI strings, checked. */
  export const uiStrings: Readonly<Record<string, import("../translation/strings/schema.ts").UiStrings>>;
}
