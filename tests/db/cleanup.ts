// A vitest setup file: every test file's databases are deleted when the file finishes.
import { afterAll } from "vitest";
import { disposeTestDbs } from ".";

afterAll(disposeTestDbs, 60_000);
