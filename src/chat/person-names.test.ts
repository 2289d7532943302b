import { describe, expect, it } from "vitest";
import { fitName, isHonorific, type PersonForm, readPersonName } from "./person-names.js";

const form = (phrase: string) => readPersonName(phrase) as PersonForm;

describe("readPersonName", () => {
  it("reads a title as a cue and keeps only the name after it", () => {
    expect(readPersonName("Dr Abbara")).toMatchObject({ text: "Abbara", words: ["abbara"], titled: true });
    expect(readPersonName("appartient Mme Oxenius")).toMatchObject({ words: ["oxenius"], titled: true });
    expect(readPersonName("professeur Gopal")).toMatchObject({ words: ["gopal"], titled: true });
    expect(readPersonName("Prof. Unser's")).toMatchObject({
      words: ["unser"],
      titled: true,
      possessive: true,
    });
  });

  it("reads initials before or after the surname, run together or hyphenated", () => {
    expect(readPersonName("J.-M. Vesin")).toMatchObject({ words: ["vesin"], initials: ["j", "m"] });
    expect(readPersonName("Rüegg A.B.")).toMatchObject({ words: ["ruegg"], initials: ["a", "b"] });
    expect(readPersonName("Stephans G.")).toMatchObject({ words: ["stephans"], initials: ["g"] });
  });

  it("folds case and accents, and keeps particles as words of the surname", () => {
    expect(readPersonName("Mme van Halem")).toMatchObject({ words: ["van", "halem"] });
    expect(readPersonName("Lönnerberg")).toMatchObject({ words: ["lonnerberg"] });
  });

  it("takes the French M. as an initial that may be a title", () => {
    expect(readPersonName("M. Martello")).toMatchObject({ initials: ["m"], titleInitial: true });
    expect(readPersonName("M Martello")).toMatchObject({ initials: ["m"], titleInitial: false });
  });

  it("reads no name in digits, in a title alone, in particles alone or in a long phrase", () => {
    expect(readPersonName("CS-433")).toBeUndefined();
    expect(readPersonName("Dr.")).toBeUndefined();
    expect(readPersonName("van de")).toBeUndefined();
    expect(readPersonName("the history of science in the nineteenth century")).toBeUndefined();
  });
});

describe("isHonorific", () => {
  it("knows titles alone and run together, not names", () => {
    expect(["Dr", "dr.", "Prof.dr.ir.", "Mme", "professeur"].map(isHonorific)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["Drew", "Proft", "M"].map(isHonorific)).toEqual([false, false, false]);
  });
});

describe("fitName", () => {
  it("fits a surname alone to a person of that surname, not to one with that first name", () => {
    expect(fitName(form("Muncharaz"), "Javier Oliver Muncharaz")).toBe(3);
    expect(fitName(form("Gill"), "Gill Smith")).toBe(0);
    // A body listed as an author is no person: "humanities MOOCs" are not its MOOCs.
    expect(fitName(form("Humanities"), "Social and Pol.Sc. Dep. of Humanities")).toBe(0);
    expect(fitName(form("Humanities"), "Jane Humanities")).toBe(3);
  });

  it("fits a name typed without accents or in lower case", () => {
    expect(fitName(form("hardi-landerer"), "Maria Christina Härdi-Landerer")).toBe(3);
    expect(fitName(form("Kurylo"), "Michael J. Kuryło")).toBe(3);
  });

  it("ranks the name written exactly as typed first, then initials that begin the given names", () => {
    const typed = form("M.C. Hardi-Landerer");
    expect(fitName(typed, "M.C. Härdi-Landerer")).toBe(4);
    expect(fitName(typed, "Maria Christina Härdi-Landerer")).toBe(3);
    expect(fitName(form("J. Alexander"), "Jake Alexander")).toBe(3);
    expect(fitName(form("J. Alexander"), "Timothy J. Alexander")).toBe(2);
    expect(fitName(form("J. Alexander"), "Alexander J. Winkler")).toBe(0);
  });

  it("needs every initial among the given names, in order", () => {
    expect(fitName(form("M. E. Ruckle"), "Michael E. Ruckle")).toBeGreaterThan(0);
    expect(fitName(form("M. E. Ruckle"), "Michael Ruckle")).toBe(0);
    expect(fitName(form("J.-M. Vesin"), "Jean-Marc Vesin")).toBeGreaterThan(0);
  });

  it("fits a given name written in full to its initial, below an exact fit", () => {
    const full = form("Else Katrin Bunemann");
    expect(fitName(full, "Else Katrin Bünemann")).toBe(4);
    expect(fitName(full, "Else K. Bünemann")).toBe(1);
  });

  it("reads the names of a Chinese order and leaves titles and labels out of the name", () => {
    expect(fitName(form("Wang Jing"), "Jing Wang")).toBeGreaterThan(0);
    expect(fitName(form("Dr Abbara"), "Guest speaker: Dr. Suhny Abbara")).toBe(3);
    expect(fitName(form("Fresco"), "Prof.dr.ir. Louise O. Fresco")).toBe(3);
  });

  it("reads a capitalised first word as a given name, not a particle, and leaves suffixes and degrees out", () => {
    expect(fitName(form("Klein"), "Ben Klein")).toBe(fitName(form("Klein"), "Anna Klein"));
    expect(fitName(form("B. Klein"), "Ben Klein")).toBeGreaterThan(0);
    expect(fitName(form("Halem"), "Jan van Halem")).toBe(3);
    expect(fitName(form("Lowry"), "Porter P. Lowry II")).toBe(3);
    expect(fitName(form("Holmes"), "Andrea Holmes, PhD")).toBe(3);
    expect(fitName(form("II"), "Carl Hart II")).toBe(0);
  });

  it("reads a short title in capitals as an acronym", () => {
    expect(readPersonName("MS thesis")?.titled ?? false).toBe(false);
    expect(readPersonName("Ms. Oxenius")?.titled).toBe(true);
    expect(readPersonName("dr lilliestam")?.titled).toBe(true);
  });
});
