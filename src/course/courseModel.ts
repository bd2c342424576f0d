import type { CourseConfig } from "../lib/courseConfig.ts";
import { siteSettings, type SiteSettings } from "../lib/settings.ts";
import { orderLocales } from "../lib/locale/orderLocales.ts";
import { locales } from "../translation/locales.ts";
import { courseOfRoot } from "./courseFile.ts";

/** An environment as a process has it: variable names to values. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * What a course is, decided once from its folder and the environment, then handed to whatever
 * works on it: the Astro integration (which gives the pages its serializable part through
 * `virtual:course/model`), the commands and the tests (which build models of fixture courses).
 */
export interface CourseModel {
  /** The project's folder: content/, chapters/, datasets/ and the course file are inside it. */
  readonly root: string;
  /** The course file, checked, with its translations merged in. */
  readonly course: CourseConfig;
  /** The operator's settings (BASE_PATH, SITE_URL, ...), checked. */
  readonly settings: SiteSettings;
  /** The site's locales (one per UI strings file), in the course's order of preference. */
  readonly locales: readonly string[];
  /** The environment the datasets read their own variables from (a recording's path, a seed). */
  readonly environment: Environment;
}

/** A course model from parts already read (a test builds one in memory this way). */
export function courseModel(root: string, course: CourseConfig, environment: Environment): CourseModel {
  const settings = siteSettings(environment, course);
  return { root, course, settings, locales: orderLocales(locales(root), settings.localeOrder), environment };
}

/**
 * The model of the course in `root`: its course file read and checked, the settings of
 * `environment` checked (a bad one throws a SettingsError naming the variable).
 */
export async function loadCourseModel(root: string, environment: Environment): Promise<CourseModel> {
  return courseModel(root, await courseOfRoot(root), environment);
}

/** What pages read of the model (no environment: only what the build decided from it). */
export type PageCourseModel = Omit<CourseModel, "environment">;

/** The part of the model the pages get, as data. */
export function pageCourseModel(model: CourseModel): PageCourseModel {
  const { root, course, settings, locales } = model;
  return { root, course, settings, locales };
}
