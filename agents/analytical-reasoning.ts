// Analytical Reasoning (split "analytical_reasoning"): the paper publishes only the skill's name. Following the
// LSAT's analytical-reasoning section (logic games), the seven game-building agents, the 13 question types, the
// refinement goals and every prompt are ours. Items are five-option multiple choice, as on the LSAT.
import { defineSkill } from "./define-skill.js";

// Which games a question type can use. Earliest/latest questions need a linear order of positions (a circular
// table has none); the other types apply to every game, which always has counts, lists and conditions.
const ORDERED = ["linear_ordering", "scheduling", "hybrid"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation: a logic game built from the seed
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a logic-game designer in a pipeline that builds LSAT-style analytical-reasoning \
exercises. From a source text, often extracted from a web page or a document, you build one logic game of the \
kind the task names (ordering, selection, grouping, matching, scheduling, spatial arrangement, or a hybrid): a \
short scenario, a set of entities, and a set of rules. Other agents will write five-option multiple-choice \
questions about your game, and a student will answer them by pure deduction from your setup.

Requirements for every game:
- Take the scenario from the source: its people, roles, objects, places and events become the entities and the \
slots (a text about a hospital becomes six nurses assigned to shifts; a text about an album becomes seven songs \
ordered on a playlist; a text about a conference becomes speakers, sessions and rooms). People get fictional \
names. Give every entity a name starting with a different letter, so that arrangements can be written compactly \
with initials.
- Format, in the LSAT manner: one paragraph that states exactly the entities, the positions or groups, and the \
basic terms (whether every entity is used, whether each is used exactly once, how many go in each group, whether \
ties or empty slots are possible); then the line "The following conditions apply:"; then four to six rules, one \
per line.
- Precision: every rule is unambiguous in the LSAT's language ("K is scheduled earlier than M", "If P is \
selected, then R is not selected", "G and H are not on the same team", "Exactly one of the two vans carries \
Lee"). "Earlier", "immediately before", "adjacent", "at least" and "exactly" mean just what they say. No \
real-world knowledge may be needed, and none of the source's facts may override the rules.
- Logic: the rules must be consistent (construct a valid arrangement to check), must not determine the \
arrangement completely (several valid arrangements remain, so that questions can ask what could and what must \
be true), and must interact: shared entities, conditional chains, blocks and counts that combine into \
deductions a careful solver can find but a hasty one misses. No rule may be redundant. Solve your game before \
you write it: find its main deductions and at least two different valid arrangements.
- Write only the setup and the rules: no questions, no deductions, no solutions, no diagrams, no hints.
- 120 to 250 words.
- Write in the language of the source text.
- Do not add hateful, sexual or dangerous content.

The setup is your whole answer, delivered in the output format given at the end of the task: no preface such as \
"Here is the game", no closing remarks.`;

const LINEAR_ORDERING = `Build a sequencing game from the source text below: five to eight entities placed in \
an order, one per position (the order of presentations, the floors of a building, the days of a week, the \
tracks of an album, the stages of a process).

Requirements:
- Every entity fills exactly one position and every position holds exactly one entity; say so.
- Mix rule kinds: relative order ("J is earlier than K"), a block or an immediate sequence ("L is immediately \
before M"), non-adjacency, a fixed or forbidden position, and at least one conditional rule ("If F is third, \
then G is sixth").
- Leave at least one entity unconstrained or nearly so (a "floater"), as real games do.`;

const IN_OUT_SELECTION = `Build a selection game from the source text below: from seven to ten candidates, a \
subset is chosen (a committee, a team, a set of projects to fund, dishes for a menu, exhibits for a show).

Requirements:
- State the number chosen exactly ("exactly five") or as a range ("at least three and at most five").
- The candidates may fall into two or three named categories (three economists, four engineers...), with a rule \
about how many of a category are chosen.
- Most rules are conditionals in the LSAT style ("If N is selected, O is not selected", "P is selected only if Q \
is selected", "Either R or S is selected, but not both"), and they chain: the consequent of one is the \
antecedent of another, directly or through its contrapositive.`;

const DISTRIBUTION_GROUPING = `Build a grouping game from the source text below: six to nine entities divided \
among two or three named groups (teams, committees, vans, shifts, rooms, panels).

Requirements:
- State the group sizes exactly, or give bounds ("each van carries at least two people"), and whether every \
entity is placed.
- Mix rule kinds: two entities together or apart, an entity fixed to a group, conditional placement ("If T is \
on the red team, U is on the blue team"), and a rule about counts ("The green panel has more members than the \
blue panel").
- The group sizes and the rules must interact, so that placing one entity forces others.`;

const MATCHING_ASSIGNMENT = `Build a matching game from the source text below: four to six entities, each \
assigned attributes from one or two categories (each speaker gets a topic and a room; each car gets a color; \
each volunteer gets a task and a day).

Requirements:
- State for each category how many values there are and whether a value may be used more than once or left \
unused; each entity gets exactly one value per category.
- Mix rule kinds: an entity's value fixed or forbidden, two entities with the same or different values, rules \
that link the two categories ("The speaker in Room 2 talks about finance"), and at least one conditional rule.`;

const SCHEDULING = `Build a scheduling game from the source text below: five to eight entities (events, \
deliveries, meetings, inspections, performances) placed in time slots that have two dimensions, such as days \
and parts of days (Monday to Wednesday, morning and afternoon).

Requirements:
- State the slots exactly, how many entities a slot can hold, and whether slots may stay empty.
- Mix rule kinds: day order ("The audit is on an earlier day than the training"), part of day ("No inspection is \
in the afternoon of the day the audit is held"), same or different day, a fixed slot, and at least one \
conditional rule.
- "Earlier" must be defined when two entities can share a day (by day only, or by slot).`;

const SPATIAL_ARRANGEMENT = `Build a spatial game from the source text below: five to eight entities placed in \
a layout (seats around a circular table, two facing rows of houses on a street, a two-by-three grid of offices, \
the floors of a building with two units on each floor, booths along a hall).

Requirements:
- Define the geometry exactly: number the positions, and say what counts as adjacent, facing, directly across, \
to the left or clockwise, and whether positions at the ends or corners have fewer neighbors.
- Mix rule kinds: adjacency and non-adjacency, facing or across, same row or floor, a fixed position, and at least \
one conditional rule.
- Every position holds at most one entity; say whether positions may stay empty.`;

const HYBRID = `Build a hybrid game from the source text below, combining two dimensions: ordering with \
selection (five of seven candidates are chosen and then ordered), ordering with matching (presentations in \
order, each in one of two rooms), or grouping with ordering (two teams, each member given a rank).

Requirements:
- State both dimensions exactly, with their counts and basic terms.
- Include rules on each dimension and at least two rules that link them ("The first presentation is in Room A", \
"If J is selected, J is presented later than every engineer").
- Keep it to six entities or fewer and five or six rules, so that the game stays solvable by hand.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert writer of LSAT Analytical Reasoning questions. You write \
five-option multiple-choice questions of one question type about one given logic game.

How the questions will be used: a student is shown the game's setup and rules, then one of your questions with \
its five options, and must deduce the answer from the setup alone. Therefore each item must:
- Have a stem in the LSAT's language that does not restate the setup or the rules (the student has them), refers \
to the entities by their names in the setup, and states any new condition or substitute rule in full.
- Have five options, exactly one of which is correct, provably, from the rules together with any condition in \
the stem. Each wrong option must be provably wrong: for "could be true", it cannot be true; for "must be true", \
it is false in at least one valid arrangement; for "cannot be true", it is true in at least one.
- Have tempting distractors: options that break exactly one rule, follow from a typical misreading (a reversed \
conditional, a forgotten count, "earlier" read as "immediately before"), or hold in some valid arrangements but \
not in all.
- Have options of the same form and similar length (all complete orders, all statements about positions, all \
numbers in increasing order).
- Never contain or hint at its answer, and never explain it.

Give each option as plain text without a letter (the examples show the letters as the student will see them); \
the letters A to E are added in the order you give them. Vary the position of the correct option across \
questions. Do not name the question type, and write no preface, numbering or commentary. Write in the language \
of the setup.`;

const INSTRUCT_GUIDELINES = `- The questions must all be different: each rests on a different deduction, entity, \
position or condition, and no two could share an explanation.
- Prefer questions whose answer needs two or more rules combined over ones settled by a single rule.
- Solve each item yourself: list the rules, derive the deductions they combine into, apply the stem's condition, \
and check each of the five options against the valid arrangements (build an arrangement that shows an option \
possible, or find the rule it breaks). A wrong answer key ruins an item: if you cannot verify one, write a \
different question.`;

// ---------------------------------------------------------------------------------------------------------
// Question taxonomy (the LSAT's logic-game question families)
// ---------------------------------------------------------------------------------------------------------

// Goals that work on a question's condition or chain; a rule-substitution or complete-determination question has
// no condition to lengthen (its options are the conditions).
const NO_CHAIN = ["add_conditional_rule", "near_miss_distractors"];

const TYPES = [
  {
    name: "acceptable_arrangement",
    definition:
      "Asks which option could be a complete and accurate arrangement (order, selection, grouping or " +
      "assignment) that satisfies all the rules. Each option is a full arrangement in the same notation; the " +
      "four wrong ones each violate exactly one rule, and together they violate four different rules.",
    examples: [
      "Which one of the following could be the order in which the lectures are given, from first to last?\n" +
        "A. F, H, G, K, J, M, L\nB. G, F, H, J, K, L, M\nC. H, F, K, G, M, J, L\n" +
        "D. F, G, J, H, L, K, M\nE. K, F, H, G, J, M, L",
      "Which one of the following could be the complete list of dishes chosen for the menu?\n" +
        "A. kale, leeks, okra, peas\nB. kale, mint, okra, rice\nC. leeks, mint, peas, rice\n" +
        "D. kale, leeks, mint, rice\nE. leeks, okra, peas, rice",
      "Which of the following is an acceptable assignment of the volunteers to the two vans?\n" +
        "A. red: Fay, Gus, Hal; blue: Ivy, Jo, Kai\nB. red: Fay, Ivy, Jo; blue: Gus, Hal, Kai\n" +
        "C. red: Gus, Ivy, Kai; blue: Fay, Hal, Jo\nD. red: Fay, Hal, Kai; blue: Gus, Ivy, Jo\n" +
        "E. red: Hal, Jo, Kai; blue: Fay, Gus, Ivy",
    ],
  },
  {
    name: "must_be_true",
    definition:
      "Asks, with no added condition, which option must be true in every valid arrangement. The correct " +
      "option is a deduction that combines two or more rules, not a restatement of one rule; each wrong option " +
      "is false in at least one valid arrangement.",
    examples: [
      "Which one of the following must be true?\nA. F is given earlier than J.\n" +
        "B. G is given on the second day.\nC. H is given earlier than K.\nD. L is given on the last day.\n" +
        "E. M is given later than G.",
      "Which one of the following is true of every acceptable seating?\nA. Nadia sits next to Omar.\n" +
        "B. Pavel sits directly across from Rhea.\nC. Tomas sits in seat 1.\nD. Omar does not sit in seat 4.\n" +
        "E. Rhea and Nadia do not sit next to each other.",
      "Which one of the following must be true about the projects that are funded?\n" +
        "A. At least one water project is funded.\nB. The library is funded.\n" +
        "C. Exactly two transport projects are funded.\nD. The clinic and the bridge are not both funded.\n" +
        "E. The park is funded only if the market is funded.",
    ],
  },
  {
    name: "could_be_true",
    definition:
      "Asks, with no added condition, which option could be true: it holds in at least one valid arrangement, " +
      "while each of the other four is impossible, directly by a rule or through a deduction.",
    examples: [
      "Which one of the following could be true?\nA. Ortiz and Perez are on the same team.\n" +
        "B. Quinn is on the red team and Ruiz is on the blue team.\nC. The red team has exactly two members.\n" +
        "D. Santos is the only engineer on the blue team.\nE. Tran and Ueda are both on the red team.",
      "Each of the following must be false EXCEPT:\nA. 'Harbor' is the third song played.\n" +
        "B. 'Ivy' is played immediately after 'Lantern'.\nC. 'Juniper' is played first.\n" +
        "D. 'Kestrel' and 'Harbor' are played consecutively.\nE. 'Lantern' is the last song played.",
      "Which one of the following could be true of the week's schedule?\n" +
        "A. The audit and the training are both on Monday.\nB. The training is on Tuesday afternoon.\n" +
        "C. Two inspections are on Wednesday.\nD. The audit is on the same day as the repair.\n" +
        "E. No event is held on Tuesday morning.",
    ],
  },
  {
    name: "cannot_be_true",
    definition:
      "Asks, with no added condition, which option cannot be true (must be false) in any valid arrangement; " +
      "each of the other four holds in at least one valid arrangement. The correct option is impossible " +
      "through a deduction, not a bare restatement of a rule.",
    examples: [
      "Which one of the following CANNOT be true?\nA. The bakery is in booth 2.\n" +
        "B. The cheese stall is next to the florist.\nC. The florist is in booth 5.\n" +
        "D. The juice bar is in booth 1.\nE. The bakery is next to the juice bar.",
      "Which one of the following must be false?\nA. Vera and Wen are both on the north crew.\n" +
        "B. Xavier is the only carpenter on the south crew.\nC. The north crew has four members.\n" +
        "D. Yara is on the south crew.\nE. Zeke and Vera are on different crews.",
      "Which one of the following CANNOT be the photograph hung in the third position?\nA. the bridge\n" +
        "B. the canyon\nC. the dunes\nD. the glacier\nE. the harbor",
    ],
  },
  {
    name: "conditional_must_be_true",
    definition:
      "States a new condition ('If ...') consistent with the rules and asks which option must then be true. " +
      "The condition triggers a chain of deductions through several rules; the correct option follows " +
      "necessarily from the rules plus the condition, and each wrong option could be false under it.",
    examples: [
      "If Kim is selected, which one of the following must be true?\nA. Lopez is selected.\n" +
        "B. Mendes is not selected.\nC. Exactly two economists are selected.\nD. Nash is selected.\n" +
        "E. Olsen is not selected.",
      "If the warehouse inspection is on Tuesday morning, then which one of the following must be true?\n" +
        "A. The office inspection is on Monday.\nB. The lab inspection is in an afternoon slot.\n" +
        "C. No inspection is on Wednesday morning.\nD. The garage inspection is on Tuesday afternoon.\n" +
        "E. The office and the lab are inspected on the same day.",
      "Which one of the following must be true if Ruth sits in seat 3?\nA. Sam sits in seat 1.\n" +
        "B. Tess sits next to Uma.\nC. Uma sits in seat 6.\nD. Vic sits directly across from Ruth.\n" +
        "E. Sam and Vic do not sit next to each other.",
    ],
  },
  {
    name: "conditional_could_be_true",
    definition:
      "States a new condition ('If ...') consistent with the rules and asks which option could then be true. " +
      "The correct option holds in at least one valid arrangement that meets the condition; each wrong option " +
      "is impossible under it.",
    examples: [
      "If H is given on the third day, which one of the following could be true?\n" +
        "A. F is given on the second day.\nB. G is given on the fourth day.\nC. J is given on the first day.\n" +
        "D. K is given on the fifth day.\nE. M is given on the second day.",
      "If the bakery and the florist are in adjacent booths, then which one of the following could be true?\n" +
        "A. The cheese stall is in booth 1.\nB. The juice bar is next to the florist.\n" +
        "C. The bakery is in booth 4.\nD. The honey stall is in booth 2.\nE. The florist is in booth 6.",
      "If neither Quinn nor Ruiz is on the red team, which of the following could be true?\n" +
        "A. Ortiz is on the blue team.\nB. The blue team has exactly three members.\n" +
        "C. Santos and Tran are on the same team.\nD. Ueda is the only engineer on the red team.\n" +
        "E. Perez is on the blue team with Quinn.",
    ],
  },
  {
    name: "conditional_except",
    definition:
      "States a new condition ('If ...') and says that each of the options could be true EXCEPT one: four " +
      "options are each possible under the condition, and the correct one is impossible under it. The stem " +
      "puts EXCEPT in capitals.",
    examples: [
      "If the green van carries exactly three people, each of the following could be true EXCEPT:\n" +
        "A. Abel rides in the green van.\nB. Baker rides in the blue van.\nC. Cruz and Diaz ride together.\n" +
        "D. Evans rides in the green van.\nE. Fox and Abel ride in different vans.",
      "If Vogel's talk is in Room 2, then any of the following could be true EXCEPT:\n" +
        "A. Weber's talk is on finance.\nB. Xu's talk is in Room 1.\nC. Vogel and Young both talk on health.\n" +
        "D. Zamora's talk is in Room 3.\nE. Weber and Xu are in the same room.",
      "If there is no delivery on Tuesday afternoon, each of the following could be true EXCEPT:\n" +
        "A. The flour is delivered on Monday.\nB. The eggs and the milk arrive on the same day.\n" +
        "C. The sugar is delivered on Wednesday morning.\nD. Two deliveries arrive on Monday.\n" +
        "E. The butter is delivered on Tuesday morning.",
    ],
  },
  {
    name: "max_min_count",
    definition:
      "Asks for the maximum or minimum number of entities that could satisfy a property at the same time in " +
      "one valid arrangement (be selected, precede a given entity, be on a given team, be scheduled on one " +
      "day), with or without an added condition. The five options are numbers in increasing order; the " +
      "correct one is reachable by a valid arrangement, and every larger (or smaller) one is shown impossible.",
    examples: [
      "What is the maximum number of engineers who could be selected?\nA. one\nB. two\nC. three\n" + "D. four\nE. five",
      "At least how many of the photographs must be hung to the left of the portrait?\nA. zero\nB. one\n" +
        "C. two\nD. three\nE. four",
      "If the red team has four members, what is the greatest number of chemists who could be on the blue " +
        "team?\nA. 0\nB. 1\nC. 2\nD. 3\nE. 4",
    ],
  },
  {
    name: "possibility_count",
    definition:
      "Counts alternatives across all valid arrangements, not entities together in one arrangement: how many " +
      "different entities could occupy a given position or group, how many positions a given entity could " +
      "occupy, or for how many entities the position is fully determined, with or without an added " +
      "condition. The five options are numbers in increasing order; each counted possibility must be shown " +
      "possible and each excluded one impossible.",
    examples: [
      "How many of the lectures could be the one given on the fourth day?\nA. one\nB. two\nC. three\n" +
        "D. four\nE. five",
      "For how many of the songs is the position on the playlist completely determined?\nA. 0\nB. 1\nC. 2\n" +
        "D. 3\nE. 4",
      "If Petra rides in the green van, how many different volunteers could be the driver of the blue van?\n" +
        "A. one\nB. two\nC. three\nD. four\nE. five",
    ],
  },
  {
    name: "complete_list",
    definition:
      "Asks for the complete and accurate list of all entities (or positions, or groups) that could satisfy " +
      "a property: every day on which K could be given, every candidate who could be selected with P. The " +
      "correct option lists exactly those; the wrong ones omit a possible one or include an impossible one.",
    examples: [
      "Which one of the following is a complete and accurate list of the days on which K could be given?\n" +
        "A. second, third\nB. second, third, fifth\nC. third, fifth\nD. third, fifth, sixth\n" +
        "E. second, third, fifth, sixth",
      "Which one of the following is a complete and accurate list of the volunteers, any one of whom could be " +
        "assigned to driving?\nA. Gita\nB. Gita, Jun\nC. Hugo, Jun\nD. Gita, Hugo, Jun\nE. Gita, Hugo, Ines, Jun",
      "If the clinic is funded, which of the following lists all and only the other projects that could also " +
        "be funded?\nA. the bridge, the park\nB. the library, the park\nC. the bridge, the library, the market\n" +
        "D. the library, the market, the park\nE. the bridge, the library, the market, the park",
    ],
  },
  {
    name: "rule_substitution",
    definition:
      "Quotes one of the rules and asks which option, if substituted for it, would have the same effect in " +
      "determining the arrangement: it allows exactly the same valid arrangements, given the other rules. The " +
      "correct option is worded differently from the rule (often a contrapositive or a consequence that " +
      "covers the same cases); the wrong ones are more or less restrictive. Verify by comparing the sets of " +
      "valid arrangements.",
    guidance:
      "Work out what the quoted rule excludes given the other rules, then check for each option whether it " +
      "excludes exactly the same arrangements: neither more nor fewer.",
    examples: [
      "Which one of the following, if substituted for the condition that J is given later than H, would have " +
        "the same effect in determining the order of the lectures?\nA. H is given on one of the first three days.\n" +
        "B. J is given later than both F and H.\nC. H is not given on the last day.\n" +
        "D. J is given on a later day than every lecture given before F.\nE. H is given earlier than K.",
      "Which one of the following, if substituted for the condition that Ortiz is on the blue team whenever Ng " +
        "is on the red team, would have the same effect in determining the teams?\n" +
        "A. If Ortiz is on the red team, Ng is on the blue team.\nB. Ng and Ortiz are on different teams.\n" +
        "C. If Ortiz is on the blue team, Ng is on the red team.\nD. Ng is on the blue team.\n" +
        "E. Ortiz is on the blue team unless Pike is on the red team.",
      "The rule that the bakery is not next to the juice bar could be replaced, without changing which " +
        "arrangements of the stalls are possible, by which one of the following?\n" +
        "A. The juice bar is in booth 1 or booth 6.\nB. The bakery is next to the florist.\n" +
        "C. At least two booths separate the bakery from the juice bar.\n" +
        "D. The juice bar is not next to the cheese stall.\nE. The bakery is in a lower-numbered booth than " +
        "the juice bar.",
    ],
    goals: NO_CHAIN,
  },
  {
    name: "complete_determination",
    definition:
      "Asks which option, if true, would fully determine the arrangement (or the position or group of every " +
      "entity). Every option is consistent with the rules; with the correct one exactly one valid arrangement " +
      "remains, and with each wrong one at least two remain.",
    guidance:
      "For the correct option, derive the single arrangement that remains; for each other option, give two " +
      "different valid arrangements that satisfy it.",
    examples: [
      "The assignment of volunteers to tasks is fully determined if which one of the following is true?\n" +
        "A. Gita is assigned to cooking.\nB. Hugo and Ines are assigned to the same task.\n" +
        "C. Jun is assigned to cleaning.\nD. Kofi is assigned to driving.\nE. Lena and Gita are assigned to " +
        "different tasks.",
      "Which one of the following, if true, determines the order of all seven songs?\n" +
        "A. 'Harbor' is played second.\nB. 'Ivy' is played immediately before 'Kestrel'.\n" +
        "C. 'Juniper' is played sixth.\nD. 'Lantern' is played earlier than 'Harbor'.\n" +
        "E. 'Moss' is played last.",
      "Which of the following, if added to the rules, leaves exactly one possible schedule of inspections?\n" +
        "A. The lab is inspected on Monday afternoon.\nB. The garage and the office are inspected on the same " +
        "day.\nC. No inspection is on Wednesday afternoon.\nD. The warehouse is inspected before the lab.\n" +
        "E. The office is inspected on Tuesday.",
    ],
    goals: NO_CHAIN,
  },
  {
    name: "earliest_latest_position",
    definition:
      "Asks for the earliest or latest position an entity could occupy, or which entity could be in the first " +
      "or last position, with or without an added condition. Positional options are in order; the correct " +
      "one is reachable by a valid arrangement, and every earlier (or later) one is shown impossible.",
    examples: [
      "What is the earliest day on which M could be given?\nA. the second day\nB. the third day\n" +
        "C. the fourth day\nD. the fifth day\nE. the sixth day",
      "What is the latest position on the playlist that 'Kestrel' could occupy?\nA. third\nB. fourth\n" +
        "C. fifth\nD. sixth\nE. seventh",
      "If the audit is held on Wednesday, which one of the following could be the first event of the week?\n" +
        "A. the audit\nB. the inspection\nC. the repair\nD. the review\nE. the training",
    ],
    transformations: ORDERED,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of LSAT Analytical Reasoning items. You are given a logic \
game (its setup and rules), a five-option question about it with its correct answer, and a refinement goal, and \
you propose concrete modifications that would turn the item into a new, harder one meeting the goal. You do not \
write the new item: an editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: it says exactly what to change (a rule to add or reword, quoted; the stem's \
condition; a given option, named by its letter) and what to change it into, with the entities and positions \
spelled out. A short replacement phrase is fine; a rewritten item is not.
- Achieves the goal on its own, and leaves a valid item: a consistent game that is not fully determined, with no \
redundant rule, and a question with exactly one provably correct option and four provably wrong ones.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal and what the correct answer is after it, with the \
deduction that proves it: solve the changed item before you suggest it.`;

const SUGGEST_GUIDELINES = `Solve the current item yourself first: the rules in notation, the main deductions, \
and why the correct option is right and each other option wrong. Your suggestions must act on that reasoning.`;

const EDIT_SYSTEM = `You are an expert editor of LSAT Analytical Reasoning items. You are given a logic game \
(its setup and rules), a five-option question about it with its correct answer, a refinement goal, and \
suggestions from a reviewer. You apply the suggestions and produce the revised item.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would make the game \
inconsistent, fully determined or ambiguous, skip it and keep the one that best serves the goal. The revised \
item must fully meet the goal.
- When the goal adds or changes a rule, keep the rest of the game as it was: the setup paragraph, the line \
introducing the conditions, and every other rule, one per line.
- The revised question follows the same rules as any question in the set: an LSAT-style stem that does not \
restate the setup, five options of parallel form given as plain text without letters, exactly one provably \
correct option, four provably wrong ones, and nothing that reveals the answer.`;

const EDIT_GUIDELINES = `Solve the revised item from scratch: check that the game is still consistent and not \
fully determined, that the correct option is proven, and that each of the other four options is refuted. If a \
change to the game alters the question's answer, revise the options to match.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert LSAT tutor solving an analytical-reasoning (logic game) question. Your \
answer will be shown to a student who gave you the game and the question, as a model of rigorous, efficient \
deduction.

Work from the setup and the rules alone, read literally: "earlier" is not "immediately before", "if" is not "only \
if", and a rule never implies its converse. No outside knowledge applies.

Proceed in this order:
1. Restate the rules in short notation (for example "F < J", "If P then not R; contrapositive: if R then not P", \
"G-H block") and note the basic terms (how many positions or groups, whether every entity is used).
2. Derive the deductions that follow from combining rules: fixed positions, blocks, chains of conditionals, \
counts, entities that can only go in a few places.
3. If the question adds a condition, apply it and follow every deduction it triggers. Sketch the resulting \
arrangement or arrangements in plain text (for example "1: F, 2: G or H, 3: K").
4. Check every option, A to E: for "could be true", build a valid arrangement for the correct option and name the \
rule or deduction each other option breaks; for "must be true", show why the correct option cannot fail and give \
a valid counterexample for each other option; for "cannot be true", refute the correct option and show each other \
option possible; for counts, lists and earliest or latest positions, show that the bound is reached and that \
going beyond it breaks a rule; for rule substitution, compare what the new and the old rule allow.

If your analysis shows that no option is correct, or that more than one is, say so plainly, explain why, and do \
not force a choice.

End with a clear final answer on its own line, starting with "Final answer:", followed by a single letter. Write \
directly to the student; do not mention these instructions.`;

export default defineSkill({
  id: "analytical-reasoning",
  title: "Analytical Reasoning",
  split: "analytical_reasoning",
  description:
    "Teaches LSAT-style analytical reasoning: deducing what could, must or cannot be true from a logic game's " +
    "rules. Each seed's people, objects and events are turned by one of seven game-building agents into a " +
    "game (linear ordering, in/out selection, grouping, matching, two-dimensional scheduling, spatial " +
    "arrangement, or a hybrid) with four to six interacting rules; agents for four of 13 question types " +
    "(acceptable arrangement, must, could and cannot be true, conditional and EXCEPT questions, counts, " +
    "complete lists, rule substitution, complete determination, earliest or latest position) write " +
    "five-option questions about it; refinement adds a conditional rule, near-miss distractors or a longer " +
    "chain of inferences; and the teacher solves each question by notation, deductions and a check of every " +
    "option.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "game",
  itemLabel: "question",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "linear_ordering",
        description: "A sequencing game: five to eight entities in positions one to N, with order and block rules.",
        prompt: LINEAR_ORDERING,
      },
      {
        name: "in_out_selection",
        description: "A selection game: a subset chosen from seven to ten candidates under chained conditionals.",
        prompt: IN_OUT_SELECTION,
      },
      {
        name: "distribution_grouping",
        description: "A grouping game: six to nine entities divided among two or three groups of set sizes.",
        prompt: DISTRIBUTION_GROUPING,
      },
      {
        name: "matching_assignment",
        description: "A matching game: four to six entities each assigned values from one or two categories.",
        prompt: MATCHING_ASSIGNMENT,
      },
      {
        name: "scheduling",
        description: "A scheduling game: entities placed in two-dimensional time slots such as days and parts of day.",
        prompt: SCHEDULING,
      },
      {
        name: "spatial_arrangement",
        description: "A spatial game: seats, houses, offices or floors with exactly defined adjacency.",
        prompt: SPATIAL_ARRANGEMENT,
      },
      {
        name: "hybrid",
        description: "A two-dimensional game: ordering with selection, matching or grouping, with linking rules.",
        prompt: HYBRID,
      },
    ],
  },
  instruct: {
    system: INSTRUCT_SYSTEM,
    guidelines: INSTRUCT_GUIDELINES,
    shape: "mcq",
    // Five options A-E, as on the LSAT; the prompts and examples assume five.
    optionCount: 5,
    types: TYPES,
    // A game is costly to build and supports many questions, as an LSAT game carries five to seven.
    typesPerSeed: 4,
    perType: { min: 1, max: 2 },
  },
  refine: {
    suggest: { system: SUGGEST_SYSTEM, guidelines: SUGGEST_GUIDELINES },
    edit: { system: EDIT_SYSTEM, guidelines: EDIT_GUIDELINES },
    goals: [
      {
        name: "add_conditional_rule",
        description:
          "Add one conditional rule to the game ('If X is ..., then Y ...') that interacts with the existing " +
          "rules and with the deductions the question depends on, so that the question needs the new rule to " +
          "be answered. The game must stay consistent, not fully determined, and free of redundant rules. " +
          "Re-solve the question under the new rules and revise its options and answer so that exactly one " +
          "option is correct.",
        editsContent: true,
        repeatable: true,
      },
      {
        name: "near_miss_distractors",
        description:
          "Revise the wrong options so that at least three of them are near misses: each satisfies every rule " +
          "but one, or follows from a typical misreading (a reversed conditional, a forgotten count, 'earlier' " +
          "read as 'immediately before'), or holds in some valid arrangements but not in all, so that none can " +
          "be eliminated at a glance. The correct option and the game stay as they are, and every distractor " +
          "must remain provably wrong.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "longer_inference_chain",
        description:
          "Make the question need a longer chain of deductions: add or change the stem's condition so that it " +
          "triggers two or more rules in sequence (including at least one contrapositive), or ask about an " +
          "entity or position reached only through that chain, so that no single rule settles the answer. Keep " +
          "the game unchanged, and revise the options and the answer so that exactly one option is correct.",
        editsContent: false,
        repeatable: true,
      },
    ],
  },
  respond: { system: RESPOND_SYSTEM, contentLabel: "game", task: "Answer the question about the game above." },
  userMessage: "{content}\n\n{instruction}",
});
