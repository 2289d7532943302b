import { describe, expect, it } from "vitest";
import {
  batchNiceness,
  corsOrigins,
  curatorToken,
  databaseLocation,
  detectionWorkers,
  displayLocation,
  readReplicas,
} from "./config.js";

describe("database configuration", () => {
  it("keeps server URLs as given and resolves file paths against the working folder", () => {
    expect(databaseLocation("postgres://u@h/db", {}, "/srv")).toBe("postgres://u@h/db");
    expect(databaseLocation("data/x.db", {}, "/srv")).toBe("/srv/data/x.db");
    expect(databaseLocation(undefined, { CAMPUS_GRAPH_DB: "postgresql://h/db" }, "/srv")).toBe(
      "postgresql://h/db",
    );
  });

  it("lists read replicas from a comma-separated variable", () => {
    expect(readReplicas({ CAMPUS_GRAPH_DB_READ: " postgres://a/db , ,postgres://b/db" })).toEqual([
      "postgres://a/db",
      "postgres://b/db",
    ]);
    expect(readReplicas({})).toEqual([]);
  });

  it("reads the CORS origins from a comma-separated variable, none by default", () => {
    expect(corsOrigins({ CAMPUS_GRAPH_CORS_ORIGINS: " https://a.edu/ ,, http://b.edu:8080" })).toEqual([
      "https://a.edu",
      "http://b.edu:8080",
    ]);
    expect(corsOrigins({})).toEqual([]);
  });

  it("never shows a password, wherever the URL holds it", () => {
    for (const [url, shown] of [
      ["postgres://u:p@ss@h:5432/db", "postgres://u:…@h:5432/db"],
      ["postgres://u:secret@h/db", "postgres://u:…@h/db"],
      ["postgres://h/db?user=u&password=secret", "postgres://h/db?user=u&password=…"],
      ["postgres://u@h/db", "postgres://u@h/db"],
      ["/tmp/p:x@y.db", "/tmp/p:x@y.db"],
    ]) {
      expect(displayLocation(url ?? "")).toBe(shown);
    }
  });

  it("lowers bulk writers to niceness 10 by default, as asked from 0 to 19, else the default", () => {
    expect(batchNiceness({})).toBe(10);
    expect(batchNiceness({ CAMPUS_GRAPH_NICE: "0" })).toBe(0);
    expect(batchNiceness({ CAMPUS_GRAPH_NICE: " 19 " })).toBe(19);
    expect(batchNiceness({ CAMPUS_GRAPH_NICE: "20" })).toBe(10);
    expect(batchNiceness({ CAMPUS_GRAPH_NICE: "-5" })).toBe(10);
    expect(batchNiceness({ CAMPUS_GRAPH_NICE: "low" })).toBe(10);
  });

  it("takes the build's detection workers as a whole number, else leaves the build's default", () => {
    expect(detectionWorkers({})).toBeUndefined();
    expect(detectionWorkers({ CAMPUS_GRAPH_DETECT_WORKERS: "0" })).toBe(0);
    expect(detectionWorkers({ CAMPUS_GRAPH_DETECT_WORKERS: " 2 " })).toBe(2);
    expect(detectionWorkers({ CAMPUS_GRAPH_DETECT_WORKERS: "1.5" })).toBeUndefined();
    expect(detectionWorkers({ CAMPUS_GRAPH_DETECT_WORKERS: "-1" })).toBeUndefined();
    expect(detectionWorkers({ CAMPUS_GRAPH_DETECT_WORKERS: "many" })).toBeUndefined();
  });
});

describe("curator token", () => {
  it("takes a token of 16 characters or more, and none when unset, blank or short", () => {
    expect(curatorToken({ CAMPUS_GRAPH_CURATOR_TOKEN: " 0123456789abcdef " })).toBe("0123456789abcdef");
    expect(curatorToken({})).toBeUndefined();
    expect(curatorToken({ CAMPUS_GRAPH_CURATOR_TOKEN: "  " })).toBeUndefined();
    expect(curatorToken({ CAMPUS_GRAPH_CURATOR_TOKEN: "short" })).toBeUndefined();
  });
});
