// Brain Teaser (split "brain_teaser"): the paper publishes only the skill's name. The seven puzzle-material
// agents, the 14 teaser types (riddles, lateral thinking, logic and number puzzles, river crossings,
// weighings...), the refinement goals and every prompt are ours.

import { defineSkill } from "./define-skill.js";
import { identityAgent, identityPrompt } from "./shared-prompts.js";

// Which material a teaser type can use. Riddles and wordplay need words and things with double readings; number
// puzzles need quantities and relations; misdirection needs false intuitions. The logic, cipher and planning
// types build their own cast and rules, so any material can set their scene.
const WORDY = ["wordplay_bank", "concept_inventory", "counterintuitive_facts", "identity"];
const NUMERIC = ["number_patterns", "scenario_sketch", "concept_inventory", "identity"];
const MISDIRECTION = ["counterintuitive_facts", "concept_inventory", "scenario_sketch", "wordplay_bank", "identity"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation: material to build puzzles from
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a puzzle-material agent in a pipeline that builds brain teasers. From a source \
text, often extracted from a web page or a document, you prepare raw material for puzzles, in the form the task \
names: concepts with their properties, small scenarios, words with double meanings, numbers and patterns, \
surprising facts, characters. Other agents will compose riddles, lateral-thinking puzzles, logic and number \
puzzles inspired by your material. A student sees only their puzzles, never your material or the source.

Unless the task says otherwise:
- Draw on the source's world: its objects, places, people's roles, processes, terms, quantities and events, so \
that puzzles built on different sources differ. Develop them into concrete, vivid, puzzle-friendly elements.
- Be accurate. A puzzle built on a false fact has a wrong answer: include only facts you are sure of, and say \
which facts are common knowledge and which are specialist (puzzles may rely only on common knowledge or must \
state the rest).
- Use fictional names for people; a public figure may appear only as the source presents them.
- Write compact notes: short sections with headings and bullet points, 200 to 500 words.
- Write in the language of the source text.
- Do not add hateful, sexual or dangerous content.

The material is your whole answer, delivered in the output format given at the end of the task: no preface such \
as "Here is the material", no closing remarks, and no finished puzzles.`;

const CONCEPT_INVENTORY = `Prepare an inventory of the concepts and things in the source text below that puzzles \
could be built around.

Requirements:
- Eight to fifteen entries: objects, places, tools, processes, materials, roles, phenomena. For each: what it is \
in one line, then its distinctive properties (what it has, does, lacks, is made of, is used for), its parts, \
and what it is often confused with.
- Note for each entry any feature that reads one way literally and another way figuratively (a bank has branches, \
a river has a mouth and a bed): these are the seeds of riddles.
- Mark each entry "common knowledge" or "specialist".`;

const SCENARIO_SKETCH = `Prepare two or three small scenarios set in the world of the source text below, each \
one a setting in which a classic constrained-planning or deduction puzzle could take place.

Requirements:
- For each scenario: the setting in one or two sentences; three to six characters or items with names and roles; \
a goal (get everyone across, find the faulty item, share something fairly, fit a schedule); the limited \
resources (a small boat, a balance scale, containers of fixed sizes, one key, a time budget); and the natural \
constraints (who cannot be left with whom, what cannot be mixed, who must go before whom).
- Give the quantities exactly (capacities, times, counts), and keep the constraints consistent with the setting.
- Do not solve anything and do not check solvability: the puzzle writers do that.`;

const WORDPLAY_BANK = `Prepare a bank of words and phrases with wordplay potential, drawn from the subject of \
the source text below and its field.

Requirements:
- Fifteen to thirty entries, each a word or phrase with its wordplay noted: its two meanings (a double \
meaning), a homophone, an anagram into a related word, a word hidden inside it, a word it becomes by changing or \
adding one letter, an idiom it appears in, or a letter pattern (palindrome, double letters, one vowel only).
- State each wordplay exactly (spell out the anagram, give both meanings) and check it letter by letter.
- Use the source's language; prefer everyday words over rare ones.`;

const NUMBER_PATTERNS = `Prepare material for number puzzles from the source text below: the quantities, rates, \
dates, counts, cycles and shapes in it or in its field, and exact relations between them.

Requirements:
- Ten to twenty entries. Each gives a quantity with its unit and context (a bus every 12 minutes, a year of 365 \
days, a hive of six-sided cells, a recipe for 4 people) and at least one exact relation it enters into \
(doubling, every third day, a ratio, a sum, a repeating cycle, a geometric property).
- Include some that can make a sequence (growth by a rule, repeating schedules), some that can make an age or \
rate problem, and some that involve clocks, calendars or money.
- Check every figure and every relation; give only exact values.`;

const COUNTERINTUITIVE_FACTS = `Prepare a list of counterintuitive facts and misleading appearances on the \
subject of the source text below: material for lateral-thinking puzzles and trick questions.

Requirements:
- Eight to fifteen entries, each with "Intuition:" (what people quickly assume) and "Reality:" (what is actually \
true, with a one-line reason).
- Mix kinds: surprising but true facts, common misconceptions, everyday situations with an unexpected \
explanation, words or numbers that invite a wrong quick answer, and assumptions people make without noticing \
(about who someone is, when something happened, what a word refers to).
- Keep to facts that are settled and, for most entries, to common knowledge.`;

const CHARACTERS_AND_STATEMENTS = `Prepare a cast for deduction puzzles set in the world of the source text below.

Requirements:
- Four to six characters with distinct names (each starting with a different letter), each with a role in the \
setting, and three categories of attributes that could be matched to them (for example a job, a tool, a day, a \
color, a location), with exactly one value per character in each category.
- For each character, two or three things they might say about themselves or others (statements that could be \
true or false), and one habit or trait that could become a clue.
- Keep the attributes concrete and drawn from the setting. Do not write clues or solve anything.`;

const IDENTITY = identityPrompt({ purpose: "Puzzle writers will draw their inspiration from it directly." });

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert puzzle composer, at home with riddles, lateral-thinking puzzles, \
classic logic puzzles and recreational mathematics in the tradition of Lewis Carroll, Sam Loyd and Martin \
Gardner. You write brain teasers of one type, inspired by given material.

How the puzzles will be used: a student sees only your puzzle, never the material, and must solve it and explain \
the solution. Therefore each puzzle must:
- Be self-contained: every person, object, rule, quantity and condition it needs is stated in it; beyond that, \
only common knowledge may be needed. Never refer to "the material", "the text" or "the passage".
- Be inspired by the material: set it in the material's world, with its objects, roles, terms or numbers, so that \
it feels new. Do not retell a famous puzzle with the names changed: when you use a classic mechanism, change its \
parameters (the numbers, the constraints, the question) so that it must be solved afresh.
- Be sound: exactly one answer fits every clue and rule (for planning puzzles: a valid plan exists and, if the \
puzzle asks for the fewest steps, the minimum is definite). Discard any puzzle you cannot verify.
- Be fair: the insight it needs (for riddles, lateral-thinking and trick questions, the second reading or the \
hidden assumption) can be found from its wording; no obscure knowledge, and no ambiguity caused by loose \
wording.
- Never contain or hint at its answer: no solution, no hint section, no answer in a title.
- End with a clear question, and state the answer form when it helps ("Explain your reasoning.", "List the \
crossings in order.").

Vary the framing: a puzzle may open with a short scene, speak in the first person, or simply pose the problem. \
Write no preface, numbering or commentary around the puzzles. Write in the language of the material; wordplay \
must work in that language.`;

const INSTRUCT_GUIDELINES = `- The puzzles must all be different: different mechanisms, numbers or answers, so \
that no two share a solution.
- Solve each puzzle yourself completely: check your solution against every clue and rule, and check that no other \
answer fits (for planning puzzles: that a valid plan exists and, if the puzzle asks for the fewest steps, what the \
minimum is).`;

// ---------------------------------------------------------------------------------------------------------
// Teaser taxonomy
// ---------------------------------------------------------------------------------------------------------

// Goals that need rules to tighten: a riddle, a situation puzzle or a trick question has none.
const NO_CONSTRAINT = ["add_misleading_detail", "add_reasoning_step", "obvious_answer_wrong"];

const TYPES = [
  // Insight and language.
  {
    name: "riddle",
    definition:
      "A riddle: a short description of an object, concept, creature, person or place, often in the first " +
      "person or in verse ('I have..., I am...'), whose clues mislead on a literal reading and fit exactly " +
      "one answer once read figuratively. The answer is a thing, not a word's spelling or sound. Every clue " +
      "must fit the answer, and no more obvious answer may fit them all. The answer form is the answer, with " +
      "how each clue fits it.",
    examples: [
      "I have keys but open no locks, I have space but no room, and you can enter but not go inside. What am I?",
      "What has a face and two hands but no arms or legs?",
      "The more of me you take, the more you leave behind. Name me, and say how each part of the clue fits.",
    ],
    transformations: WORDY,
    guidance: "Give the answer, then show how each clue fits it, including the figurative reading of each.",
    goals: NO_CONSTRAINT,
  },
  {
    name: "lateral_thinking",
    definition:
      "A situation puzzle: a strange scenario that seems impossible or contradictory, with one explanation " +
      "that fits every stated detail, found by questioning an assumption the reader makes without noticing. " +
      "The scenario holds enough clues that the intended explanation is clearly the best one, not one guess " +
      "among many. The answer form is the explanation, with why it fits every detail.",
    examples: [
      "Two girls were born to the same mother, on the same day, in the same year, yet they are not twins. " +
        "How can this be?",
      "A man lives on the twentieth floor. Every morning he takes the lift down to the ground floor. Every " +
        "evening he takes it only to the tenth floor and climbs the stairs the rest of the way, except on rainy " +
        "days, when he rides all the way up. Why?",
      "Caught in a downpour with no umbrella and no hat, a man walked home and arrived soaked to the skin, yet " +
        "not one hair on his head got wet. What explains this?",
    ],
    transformations: MISDIRECTION,
    guidance:
      "Name the hidden assumption, give the explanation, and show that it fits every detail of the scenario " +
      "and why the tempting alternatives do not.",
    goals: NO_CONSTRAINT,
  },
  {
    name: "trick_question",
    definition:
      "A short question that invites a quick wrong answer through its wording: a false assumption slipped in, " +
      "a familiar phrase read the wrong way, or a detail that makes the obvious answer impossible. Once the " +
      "trap is seen, the answer needs no real calculation; careful reading yields one definite answer. The " +
      "answer form is the answer, with the trap explained.",
    examples: [
      "A farmer has 17 sheep. All but 9 run away. How many sheep does the farmer have left?",
      "How many months of the year have 28 days?",
      "In a race, you overtake the runner in second place. What position are you in now?",
    ],
    transformations: MISDIRECTION,
    guidance: "Point out the trap in the wording, then give the answer that careful reading supports.",
    goals: NO_CONSTRAINT,
  },
  {
    name: "wordplay",
    definition:
      "A puzzle about words themselves, whose answer is a word or phrase: a pun, homophone, anagram, hidden " +
      "word, a word that changes meaning with one letter, a compound-word chain, or a word with a surprising " +
      "letter property. It relies on standard spelling and meanings, and only one word or phrase satisfies " +
      "it. The answer form is the word or phrase, with the wordplay explained.",
    examples: [
      "What five-letter word becomes shorter when you add two letters to it?",
      "Rearrange the letters of LISTEN to make a word that means making no sound. What is the word?",
      "Two English words sound exactly alike: one names a period of seven days, the other means lacking " +
        "strength. Write both.",
    ],
    transformations: WORDY,
    guidance: "Spell out the wordplay letter by letter and check that the answer meets every condition.",
  },
  // Deduction.
  {
    name: "logic_grid",
    definition:
      "A deduction puzzle: three to five people or objects, each matched to exactly one value in each of two " +
      "or three categories, with four to eight clues that together determine a unique matching. Every value " +
      "is used once, each clue is needed or nearly so, and the unique solution has been verified by solving. " +
      "The answer form is the complete matching, with the deduction steps.",
    examples: [
      "Ana, Ben and Chen each own one pet (a cat, a dog or a parrot) and live on a different floor (1, 2 or 3). " +
        "Ana is allergic to fur. Ben's pet cannot fly. Chen does not own a dog. The dog's owner lives on floor " +
        "1, and Chen lives above Ana. Who owns which pet, and who lives on which floor? Explain your reasoning.",
      "Dara, Eli and Femi sit in a row of three seats (left, middle, right) and each orders a different drink: " +
        "tea, coffee or juice. Whoever sits in the middle orders coffee. Eli sits on the left. Femi does not " +
        "order tea. Dara does not sit on the right. Give each person's seat and drink.",
      "Gita, Hugo and Iris each grow one crop (beans, carrots or squash) in one of three plots numbered 1 to 3. " +
        "Hugo's plot has a higher number than Gita's. The carrots grow in plot 2. Iris grows squash. Gita does " +
        "not grow beans. Which crop and which plot belong to each neighbour?",
    ],
    guidance: "Derive the matching clue by clue, then check the final matching against every clue.",
  },
  {
    name: "truth_tellers_and_liars",
    definition:
      "A knights-and-knaves style puzzle: characters who always tell the truth, always lie, or (stated " +
      "explicitly) alternate, make statements about themselves and each other; the question asks who is which, " +
      "or which door, path or fact is the true one. Exactly one assignment is consistent with all statements. " +
      "The answer form is the assignment, with the case analysis.",
    examples: [
      "On an island, knights always tell the truth and knaves always lie. Alex says: 'Exactly one of us is a " +
        "knave.' Blair says: 'Alex is a knight.' What are Alex and Blair?",
      "Every sailor on a ship either always lies or always tells the truth. Pia says of herself and Quinn: 'At " +
        "least one of us is a liar.' Which of them is the liar?",
      "In a village, each resident either always tells the truth or always lies. Rosa says: 'Sam lies.' Sam " +
        "says: 'Tia lies.' Tia says: 'Rosa and Sam both lie.' Who tells the truth? Show every case you test.",
    ],
    guidance:
      "Test each case systematically (assume a character is a knight, derive the consequences, look for a " +
      "contradiction), and show that exactly one assignment survives.",
  },
  // Numbers, patterns and chance.
  {
    name: "number_sequence",
    definition:
      "Find the next or a missing term of a sequence of numbers or letters governed by one clear rule " +
      "(differences, alternating operations, squares or primes, digit sums, alphabet positions). The rule is " +
      "the simplest one that fits, and the sequence is long enough to pin it down. The answer form is the " +
      "term, with the rule.",
    examples: [
      "What number comes next: 2, 6, 12, 20, 30, ...?",
      "Which letter continues the series B, E, H, K, N, ...?",
      "Find the missing number and state the rule: 3, 5, 9, 17, __, 65.",
    ],
    transformations: NUMERIC,
    guidance: "State the rule, show that it produces every given term, then apply it.",
    // A red herring or an extra rule would only make a sequence ambiguous.
    goals: ["add_reasoning_step", "obvious_answer_wrong"],
  },
  {
    name: "arithmetic_puzzle",
    definition:
      "A word puzzle solved with arithmetic or simple algebra whose setup misleads intuition: ages, prices, " +
      "work or travel rates, averages, shared costs, a missing amount. The work is a calculation (unlike a " +
      "trick of wording), exactly one answer fits, and the tempting quick answer is wrong. The answer form is " +
      "a number with its unit, with the working.",
    examples: [
      "A notebook and a pen cost 11 dollars together. The notebook costs 10 dollars more than the pen. How " +
        "much does the pen cost?",
      "Mira is three times as old as her son. In 12 years she will be only twice as old as him. How old is " +
        "Mira now?",
      "A cyclist rides 30 km to a lake at 15 km/h and comes back the same way at 30 km/h. What is her average " +
        "speed for the whole trip, in km/h?",
    ],
    transformations: NUMERIC,
    guidance: "Set up the equations explicitly, solve them, and check the answer against every stated condition.",
  },
  {
    name: "probability_puzzle",
    definition:
      "A counter-intuitive probability or counting puzzle (a Monty Hall variant, a coincidence, conditional " +
      "chance, the expected value of a simple game, counting handshakes, pairings or arrangements) with a " +
      "setup specified precisely enough that the answer is unambiguous: who knows what, how choices are made, " +
      "what is random. The answer form is an exact fraction or count, with the reasoning.",
    examples: [
      "A drawer holds 3 red socks and 2 blue socks. You take out two socks at random in the dark. What is the " +
        "probability that they match?",
      "At a meeting of 8 people, every person shakes hands exactly once with every other person. How many " +
        "handshakes take place?",
      "Among all families with exactly two children, at least one of them a girl, what fraction have two " +
        "girls? Assume each child is a boy or a girl with equal chance, independently. Give an exact fraction.",
    ],
    transformations: NUMERIC,
    guidance: "Count the cases or compute the probabilities explicitly, and address the tempting intuitive answer.",
  },
  {
    name: "calendar_clock_puzzle",
    definition:
      "A puzzle about time: the angle between clock hands, when the hands overlap, the weekday after a number " +
      "of days, leap years, time zones, or a birthday riddle ('the day before yesterday I was 25, and next " +
      "year I will be 28'). The answer is exact. The answer form is the answer, with the calculation.",
    examples: [
      "What is the angle between the hour hand and the minute hand of a clock at 3:15?",
      "Today is a Tuesday. Which day of the week will it be 100 days from now?",
      "Between noon and midnight, counting noon but not midnight, how many times do the hour and minute hands " +
        "of a clock point in exactly the same direction?",
    ],
    transformations: NUMERIC,
    guidance: "Show each step of the calculation, including the hour hand's movement or the calendar count.",
  },
  {
    name: "cipher_puzzle",
    definition:
      "Decode or encode a short message with a simple code whose rule the student infers from an example or a " +
      "clue: a letter shift, a letter-number code, reversed words, first letters, a keyboard shift. The " +
      "example pins down the rule, and the answer is unique. The answer form is the decoded or encoded " +
      "message, with the rule.",
    examples: [
      "In a certain code, CAT is written as DBU. How is DOG written in the same code?",
      "A code replaces each letter with its position in the alphabet, so that ACE becomes 1-3-5. Which word " +
        "is 8-5-12-16?",
      "A spy writes WHITE MOON as NOOM ETIHW. Write GREEN DOOR in her code.",
    ],
    guidance: "State the rule, verify it on the example, then apply it letter by letter.",
  },
  // Planning under constraints.
  {
    name: "river_crossing",
    definition:
      "A transport puzzle: move people or items across a river, through a door or over a bridge with a " +
      "limited vehicle and rules on what may be left together, who may operate it, or how long each crossing " +
      "takes (a torch and a time limit). It is solvable, and asks for a valid plan or the fewest crossings. " +
      "The answer form is a numbered sequence of moves with the state of both sides after each.",
    examples: [
      "A farmer must take a fox, a goose and a bag of grain across a river in a boat that holds only the " +
        "farmer and one other item. The fox cannot be left alone with the goose, nor the goose with the grain. " +
        "How can the farmer get everything across?",
      "Four hikers must cross a narrow bridge at night with one torch. At most two may cross at once, and " +
        "whoever crosses must carry the torch. Alone they take 1, 2, 5 and 10 minutes; a pair walks at the " +
        "slower one's pace. What is the shortest time in which all four can cross, and how?",
      "Two adults and two children must cross a river in a canoe that carries either one adult or up to two " +
        "children, and any of them can paddle. List the crossings that get all four to the other bank.",
    ],
    guidance:
      "List every move with what is on each side afterward, and check every constraint at every step. If the " +
      "puzzle asks for the fewest moves, show why fewer is impossible.",
  },
  {
    name: "weighing_puzzle",
    definition:
      "A balance-scale puzzle: find an odd item (heavier, lighter, or either), sort items, or determine " +
      "weights, with a stated number of weighings or the fewest possible. The strategy must work in every " +
      "case. The answer form is the strategy as a decision procedure covering every outcome of every " +
      "weighing, with the number of weighings.",
    examples: [
      "You have 9 coins that look identical; one is slightly heavier than the others. Using a balance scale " +
        "only twice, how can you find the heavy coin?",
      "Among 8 pearls that look alike, one is lighter than the rest. What is the fewest number of weighings " +
        "on a balance scale that is always enough to find it? Describe what to do after each outcome.",
      "Four parcels all have different weights. Using a balance scale that compares two parcels at a time, " +
        "how can you always put them in order from lightest to heaviest with at most five weighings?",
    ],
    guidance: "Cover every possible outcome of every weighing (left heavier, right heavier, balanced).",
  },
  {
    name: "measuring_puzzle",
    definition:
      "A measuring puzzle: obtain an exact quantity or duration using containers of given capacities, " +
      "hourglasses, or ropes that burn unevenly, with only the operations stated (fill, empty, pour until one " +
      "is full or empty, turn over, light an end). It is solvable. The answer form is numbered steps with the " +
      "state after each.",
    examples: [
      "With a 3-litre jug, a 5-litre jug and a tap, how can you measure exactly 4 litres of water?",
      "You have a 7-minute hourglass and an 11-minute hourglass. How can you time exactly 15 minutes?",
      "Two ropes each take exactly one hour to burn, but they burn unevenly along their length. With only " +
        "these ropes and a lighter, measure 45 minutes. Describe each step.",
    ],
    transformations: NUMERIC,
    guidance:
      "Give numbered steps with the state after each (the contents of every container, the sand left in each " +
      "glass, the ends alight), ending at the target amount.",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of brain teasers. You are given a puzzle, the material that \
inspired it, and a refinement goal, and you propose concrete modifications that would turn the puzzle into a \
new, harder or trickier one meeting the goal. You do not write the new puzzle: an editor will apply your \
suggestions.

Remember how the puzzle is used: the student sees only the puzzle, never the material.

A good suggestion:
- Is specific and actionable: it says exactly what to add, remove or change in the puzzle (quote the part \
concerned) and what to change it into, with any new numbers, names or rules spelled out. A short replacement \
phrase is fine; a rewritten puzzle is not.
- Achieves the goal on its own, and leaves a sound puzzle: self-contained, fair, with one answer (or a valid plan \
and a definite minimum), not revealed in the wording.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal and what the solution becomes after it: solve the changed \
puzzle before you suggest it.`;

const SUGGEST_GUIDELINES = `Solve the current puzzle first and find which clues or rules its solution depends \
on: your suggestions must act on that solution path.`;

const EDIT_SYSTEM = `You are an expert editor of brain teasers. You are given a puzzle, the material that \
inspired it, a refinement goal, and suggestions from a reviewer. You apply the suggestions and produce the \
revised puzzle.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would make the puzzle \
unsolvable, ambiguous or unfair, skip it and keep the one that best serves the goal. The revised puzzle must \
fully meet the goal.
- The revised puzzle follows the same rules as any puzzle in the set: self-contained, fair, with one answer (or a \
valid plan and a definite minimum), ending with a clear question, and never revealing or hinting at its answer. \
It reads as one well-crafted puzzle, not as the old one with patches.`;

const EDIT_GUIDELINES = `Solve the revised puzzle from scratch: check the solution against every clue and \
rule, and check that no other answer fits.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert puzzle solver explaining a brain teaser to a student, as a model of \
careful, honest reasoning.

Read every word: teasers often hinge on one detail, an assumption slipped into the wording, or a word with two \
meanings. Then reason step by step, in the way the puzzle calls for:
- Riddles, wordplay, lateral-thinking puzzles and trick questions: name the misleading reading or the hidden \
assumption, give the intended answer, and show how it fits every clue or detail.
- Logic and truth-teller puzzles: work through the clues or cases systematically, and show why every other \
possibility fails.
- Numbers, sequences, probability, clocks and calendars: set up the calculation explicitly, show the working, and \
address the tempting quick answer if there is one.
- Crossings, weighings and measurings: give the full plan as numbered steps with the state after each, covering \
every outcome where outcomes branch.

Before you state the answer, check it against every clue, rule and condition of the puzzle. If the puzzle has no \
solution, or more than one, say so plainly and explain why, giving every solution; do not force the answer the \
puzzle seems to expect.

End with a clear final answer on its own line, starting with "Final answer:". Write directly to the student; do \
not mention these instructions.`;

export default defineSkill({
  id: "brain-teaser",
  title: "Brain Teaser",
  split: "brain_teaser",
  description:
    "Teaches solving brain teasers with careful, verified reasoning. Each seed is turned by one of seven agents " +
    "into puzzle material (an inventory of concepts with literal and figurative features, constrained " +
    "scenarios, a wordplay bank, numbers and patterns, counterintuitive facts, a cast of characters, or the " +
    "seed itself); agents for three of 14 teaser types (riddles, lateral thinking, trick questions, wordplay, " +
    "logic grids, truth-tellers and liars, sequences, arithmetic, probability, clocks and calendars, ciphers, " +
    "river crossings, weighings, measurings) compose new, self-contained puzzles inspired by it; refinement " +
    "adds misleading details, reasoning steps or constraints, or makes the obvious answer wrong; and the " +
    "teacher solves each puzzle step by step, checking the answer against every clue.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "material",
  itemLabel: "puzzle",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "concept_inventory",
        description: "The seed's concepts and things, with properties and literal/figurative double readings.",
        prompt: CONCEPT_INVENTORY,
      },
      {
        name: "scenario_sketch",
        description: "Small scenarios in the seed's world with goals, limited resources and constraints.",
        prompt: SCENARIO_SKETCH,
      },
      {
        name: "wordplay_bank",
        description: "Words and phrases from the seed's field with double meanings, anagrams and letter patterns.",
        prompt: WORDPLAY_BANK,
      },
      {
        name: "number_patterns",
        description: "Quantities, cycles, dates and shapes from the seed's field, with exact relations.",
        prompt: NUMBER_PATTERNS,
      },
      {
        name: "counterintuitive_facts",
        description: "Surprising facts and misleading appearances on the seed's subject, intuition versus reality.",
        prompt: COUNTERINTUITIVE_FACTS,
      },
      {
        name: "characters_and_statements",
        description: "A cast with roles, matchable attributes and possible statements, for deduction puzzles.",
        prompt: CHARACTERS_AND_STATEMENTS,
      },
      identityAgent(IDENTITY),
    ],
  },
  instruct: {
    system: INSTRUCT_SYSTEM,
    guidelines: INSTRUCT_GUIDELINES,
    types: TYPES,
  },
  refine: {
    suggest: { system: SUGGEST_SYSTEM, guidelines: SUGGEST_GUIDELINES },
    edit: { system: EDIT_SYSTEM, guidelines: EDIT_GUIDELINES },
    goals: [
      {
        name: "add_misleading_detail",
        description:
          "Add a detail that is true and fits the scenario but is irrelevant to the solution, or that points " +
          "toward a tempting wrong answer (an extra number, a character's confident but unfounded remark, a " +
          "red-herring property), so that the solver must judge what matters. The answer must stay the same " +
          "and unique, and the detail must not make the puzzle ambiguous.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "add_reasoning_step",
        description:
          "Make the solution need one more step of reasoning: an extra clue that must be combined with " +
          "another before it helps, an intermediate quantity to compute, one more person, item or weighing, or " +
          "a question asked about something reachable only through the previous answer. The puzzle must stay " +
          "solvable with one answer, and the added step must be necessary, not decorative.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "obvious_answer_wrong",
        description:
          "Change the puzzle so that the answer a quick reader would give is wrong: tweak a number, a word or " +
          "a condition so that the familiar pattern or the first intuition no longer holds, while the wording " +
          "still invites it. The correct answer must be definite and fully justified by the puzzle as written.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "add_constraint",
        description:
          "Add a rule or limitation that changes how the puzzle must be solved (the boat holds one fewer, one " +
          "character cannot row, the scale may be used one time fewer, a clue now holds only on certain days, " +
          "an extra letter condition on the answer). Solve the constrained puzzle to check that it still has a " +
          "solution, and a unique answer where one is asked for.",
        editsContent: false,
        repeatable: true,
      },
    ],
  },
  respond: { system: RESPOND_SYSTEM, task: "Solve the puzzle above." },
  userMessage: "{instruction}",
});
