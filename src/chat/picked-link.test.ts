import { describe, expect, it } from "vitest";
import { answerLinks, pickLink } from "./picked-link.js";

const answer = [
  "Here are MOOCs:",
  "- [Anatomy: Heart and Lungs](/mooc/m-heart)",
  "- [Anatomy: Human Neuroanatomy](/mooc/m-neuro)",
  "- [Glacier Science Basics](/mooc/m-ice)",
  "- [Anatomy: Heart and Lungs](/mooc/m-heart)",
].join("\n");
const links = answerLinks(answer);

describe("answerLinks", () => {
  it("lists the linked records in order, each once, with their link text", () => {
    expect(links.map((l) => l.id)).toEqual(["m-heart", "m-neuro", "m-ice"]);
    expect(links[1]).toEqual({ type: "mooc", id: "m-neuro", title: "Anatomy: Human Neuroanatomy" });
  });
});

describe("pickLink", () => {
  it("picks a record by its place and takes the words that picked it out", () => {
    expect(pickLink("who teaches the second one?", links)).toEqual({
      link: links[1],
      question: "who teaches ?",
    });
    expect(pickLink("plus de détails sur le premier", links)?.link.id).toBe("m-heart");
    expect(pickLink("tu peux m'en dire plus sur la dernière ?", links)?.link.id).toBe("m-ice");
    expect(pickLink("what's the 3rd course about", links)?.question).toBe("what's about");
  });

  it("picks a record by words of its title", () => {
    expect(pickLink("who's the instructor of the neuroanatomy one", links)?.link.id).toBe("m-neuro");
    expect(pickLink("and the one about glaciers?", links)?.link.id).toBe("m-ice");
  });

  it("picks nothing for a place that names something else, a place past the list, or words of several titles", () => {
    expect(pickLink("courses for the first year", links)).toBeUndefined();
    expect(pickLink("who teaches the fifth one?", links)).toBeUndefined();
    expect(pickLink("the anatomy one", links)).toBeUndefined();
    expect(pickLink("which came first", links)).toBeUndefined();
  });
});
