// Few Shot Reasoning (split "fs_cot_flow"): the paper publishes only the skill's name. The eight reasoning-material
// agents, the 11 reasoning types (arithmetic, dates, deduction, causes, analogies, rule-based classification,
// physical common sense, units, chained lookups, sequences, state tracking), the refinement goals and every prompt
// are ours.

import { defineSkill } from "./define-skill.js";
import { identityAgent, identityPrompt } from "./shared-prompts.js";

// Which material a reasoning type can use. Arithmetic, units and sequences need exact quantities; date questions
// need dates and durations; deduction and classification need explicit rules or relations; causal and physical
// questions need mechanisms; lookups and state tracking need entities whose facts chain or change.
const QUANTITATIVE = [
  "quantities_and_rates",
  "procedure_steps",
  "timeline_and_schedule",
  "entities_and_relations",
  "identity",
];
const TEMPORAL = ["timeline_and_schedule", "procedure_steps", "quantities_and_rates", "identity"];
const LOGICAL = [
  "rules_and_conditions",
  "entities_and_relations",
  "classification_scheme",
  "timeline_and_schedule",
  "identity",
];
const CAUSAL = ["causal_chain", "procedure_steps", "rules_and_conditions", "identity"];
const RELATIONAL = ["entities_and_relations", "classification_scheme", "causal_chain", "procedure_steps", "identity"];
const RULES = ["classification_scheme", "rules_and_conditions", "identity"];
const PHYSICAL = ["causal_chain", "procedure_steps", "quantities_and_rates", "identity"];
const UNITS = ["quantities_and_rates", "procedure_steps", "identity"];
const LOOKUPS = [
  "entities_and_relations",
  "timeline_and_schedule",
  "classification_scheme",
  "quantities_and_rates",
  "rules_and_conditions",
  "identity",
];
const CHANGING_STATE = [
  "procedure_steps",
  "entities_and_relations",
  "quantities_and_rates",
  "timeline_and_schedule",
  "identity",
];

// ---------------------------------------------------------------------------------------------------------
// Content transformation: material rich in reasoning opportunities
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a reasoning-material agent in a pipeline that builds few-shot reasoning \
exercises. From a source text, often extracted from a web page or a document, you prepare material in the form \
the task names: quantities and rates, rules and conditions, causal chains, a classification scheme, a procedure, \
a timeline, entities and their relations. Other agents will write sets of worked examples followed by a new \
question (arithmetic, dates, deduction, causes, analogies, classification, conversions...) set in the world of \
your material. Every question will state the facts it needs: a student never sees your material or the source.

Unless the task says otherwise:
- Draw on the source's world: its objects, roles, places, trades, processes, quantities and rules, so that \
exercises built on different sources differ.
- Be exact, because ambiguous material makes ambiguous questions: every quantity with its unit, every rule with \
its conditions, thresholds and exceptions, every date in full with its year, every relation stated one way only.
- Be accurate. Give the source's facts as it gives them, and add only facts you are sure of. You may add \
realistic illustrative cases (a fictional shop's orders, a sample schedule, a named applicant) to give the \
material more to reason about: mark them "Illustrative" and use fictional names, never passing them off as facts \
about real people or organizations.
- Write compact notes: short sections with headings and bullet points, 200 to 500 words.
- Write in the language of the source text.
- Do not add hateful, sexual or dangerous content; on dangerous subjects keep to safety, history and general \
science.

The material is your whole answer, delivered in the output format given at the end of the task: no preface such \
as "Here is the material", no closing remarks, and no finished questions.`;

const QUANTITIES_AND_RATES = `Prepare the quantitative material in the source text below and its subject: \
quantities, rates and the exact relations between them.

Requirements:
- Ten to twenty entries, each a quantity with its unit and context (a machine fills 240 bottles an hour, a ticket \
costs 12.50 euros, the tank holds 1,800 litres, 35 percent of the harvest is exported).
- Include rates (per hour, per kilogram, per person), prices, capacities, percentages and growth, and state at \
least three relations that chain into one another (a rate times a time gives an amount, which sets a cost).
- Where the subject uses two units for the same dimension (miles and kilometres, cups and millilitres, \
Fahrenheit and Celsius), give the exact conversion factor.
- Check every figure and every relation; give exact values, and add illustrative ones where the source has too \
few.`;

const RULES_AND_CONDITIONS = `Prepare a set of rules drawn from the subject of the source text below: \
eligibility criteria, regulations, policies, safety requirements, game or competition rules, or the constraints \
of a process.

Requirements:
- Eight to fifteen rules, each stated precisely with its conditions ("if... then...", "only if", "unless"), its \
thresholds (ages, amounts, dates, counts) and its exceptions. Say which rule wins when two conflict.
- Keep the rules consistent with each other and, where they come from the source, faithful to it; where the \
source has few rules, write realistic illustrative ones for its setting and mark them so.
- Add four to six illustrative cases, each with its relevant attributes and the verdict the rules give, one line \
each, including at least one case decided by an exception and one near a threshold.`;

const CAUSAL_CHAIN = `Prepare the causal structure of the subject of the source text below: what causes what, \
and through which mechanisms.

Requirements:
- Two or three causal chains, each from an initial cause through three to six links to its final effects. For \
each link: the mechanism in one line, and the conditions under which it holds or breaks.
- Across the chains include: a case where two causes are both needed for an effect, a cause that is sufficient \
alone, an effect with two possible causes that can be told apart by a clue, and a common but mistaken causal \
belief about the subject with why it is wrong.
- Keep to mechanisms the source states or that are well established; say which is which.`;

const CLASSIFICATION_SCHEME = `Prepare a classification scheme for things in the subject of the source text \
below: categories that items can be sorted into by checkable features.

Requirements:
- Three to seven categories, each with defining criteria stated as observable, checkable features (sizes, \
materials, counts, dates, functions), necessary and sufficient where possible, and the order in which the \
criteria are to be checked when an item could meet several.
- Ten to fifteen items, each with its features listed and then its category; include two or three borderline \
items and say which criterion settles them.
- Use the source's own categories where it has them; otherwise build a realistic scheme for its domain and mark \
it illustrative.`;

const PROCEDURE_STEPS = `Prepare a procedure from the subject of the source text below: a process someone \
carries out, step by step.

Requirements:
- Eight to fifteen numbered steps, each with its action, its inputs and quantities, its duration, and its \
preconditions. Include at least one branch ("if the reading is above 7, go to step 9") and one repeated step.
- After each step, state what has changed (what is where, what has been used, how much remains), so that the \
state can be tracked through the procedure.
- Give timings exactly enough that a schedule could be computed from a start time.
- Keep the source's facts and any safety warnings accurate; invent no risky procedures the source does not \
support.`;

const TIMELINE_AND_SCHEDULE = `Prepare the temporal material in the subject of the source text below: dates, \
times, durations and schedules.

Requirements:
- A timeline of eight to fifteen dated events, each with a full date (day, month and year) and a time of day \
where it matters, in chronological order.
- Three to six recurring schedules or intervals (every 3 days, the first Monday of each month, a shift from 22:00 \
to 06:00, a 90-day warranty), and two or three deadlines or durations that depend on other dates.
- For at least three dates, give the weekday, and check each weekday against the calendar. Note time zones if \
events happen in different ones.
- Use the source's dates as it gives them; add illustrative schedules where it has too few, marked as such.`;

const ENTITIES_AND_RELATIONS = `Prepare a set of entities from the subject of the source text below, with their \
attributes and the relations between them.

Requirements:
- Six to twelve entities: people (by fictional name and role, unless the source names public figures in public \
roles), places, organizations, objects or works.
- Give every entity of the same kind the same attribute fields (for each person: role, location, start year, \
team), one line per entity, as a reader would scan a table.
- State relations between them (reports to, located in, made from, supplies, older than, part of), chosen so \
that facts chain over two or three hops (A works in B, B is headed by C, C's office is on floor 4).
- Keep attributes and relations consistent: no entity may have two values for one field.`;

const IDENTITY = identityPrompt({ purpose: "Exercise writers will draw their facts from it directly." });

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert writer of chain-of-thought teaching material: sets of worked examples \
that demonstrate one kind of reasoning, followed by a new question for the student to solve the same way.

Each item you write is two to four worked examples (a question, the step-by-step reasoning, the answer), then a \
new question of the same kind without its answer. A student sees the examples and the new question, never the \
material, and must answer the new question by following the demonstrated reasoning. Therefore:

Every question, in the examples and the new one:
- Is self-contained: it states every fact, number, rule, table, date and anchor it needs (a known weekday for a \
date question, any conversion factor that is not common knowledge, the full rule set for a classification, \
restated in each question that uses it). Common knowledge and arithmetic may be assumed; nothing from the \
material may. Never refer to "the material", "the text" or "the example above".
- Is set in the material's world (its objects, roles, places, quantities, rules and processes), with varied \
surface details across the item.
- Has exactly one correct answer.

The examples:
- Share one reasoning method, the one the type teaches, and show it the same way: the same order of steps, the \
same level of detail, the same phrasing of the conclusion, answers in the same form. They differ in facts and \
numbers and, where possible, cover different cases of the method (a yes and a no, a date that crosses a month end \
and one that does not), so that the student learns the method, not an answer.
- Reasoning: short steps, each doing one thing (picking out a fact, one calculation with its result, one rule \
applied), as sentences or numbered lines, ending with the conclusion the answer states. No skipped computation, \
no wrong step: check every number, since a worked example with an error teaches the error.
- Answer: short and final, in the form the type names (a number with its unit, a date, a name, Yes or No, a \
category), matching the reasoning's conclusion.

The new question:
- Is of the same kind and solvable by the same method, with new facts and numbers, and no answer or hint \
attached. It is not an example with one number changed: vary the scenario, keep the method.
- Is at least as demanding as the hardest example.

Write each question as plain text, without a "Question:" label; labels and the closing line asking the student \
to answer are added when the item is shown. Write no preface or commentary. Write in the language of the \
material.`;

const INSTRUCT_GUIDELINES = `- Each item has two to four worked examples and a new question. Each example of the \
form shown above is one worked example: your worked examples follow its method and form, set in the material's \
world.
- Items differ from each other: different scenarios, facts and numbers, and different numbers of examples or \
cases covered.
- The labels in the examples of the form only mark their three parts: write no labels into your questions, \
reasoning or answers.
- Solve every question yourself, the new question included, and recheck each worked example's reasoning step by \
step.
- Every question is self-contained: a reader who never saw the material could answer it.`;

// ---------------------------------------------------------------------------------------------------------
// Reasoning taxonomy
// ---------------------------------------------------------------------------------------------------------

const TYPES = [
  // Quantities.
  {
    name: "arithmetic_word_problem",
    definition:
      "A word problem needing two to four arithmetic operations on quantities stated in the question (totals, " +
      "differences, rates, percentages, ratios, shares), with no conversion between units. The reasoning names " +
      "each quantity, computes each intermediate result with its unit, and combines them. The answer form is a " +
      "number with its unit.",
    examples: [
      "Question: A bakery sells rye loaves at $4.50 each. It sells 38 on Monday and 12 more than that on " +
        "Tuesday. How much does it take in from rye loaves over the two days?\n" +
        "Reasoning: Tuesday's sales are 38 + 12 = 50 loaves. Both days together: 38 + 50 = 88 loaves. At $4.50 " +
        "each: 88 × 4.50 = $396.\n" +
        "Answer: $396",
      "Question: A community pool charges €6 for adults and €3.50 for children. A group of 4 adults and 7 " +
        "children gets 10% off the total. How much does the group pay?\n" +
        "Reasoning: Adults: 4 × €6 = €24. Children: 7 × €3.50 = €24.50. Total before the discount: €24 + €24.50 = " +
        "€48.50. The discount is 10% of €48.50 = €4.85. The group pays €48.50 − €4.85 = €43.65.\n" +
        "Answer: €43.65",
      "Question: A farmer packs 960 eggs into cartons of 12. She sells a quarter of the cartons to a café at " +
        "$2.80 each and the rest at the market at $3.20 each. How much does she earn?\n" +
        "Reasoning: Cartons: 960 ÷ 12 = 80. The café takes 80 ÷ 4 = 20 cartons: 20 × $2.80 = $56. The market gets " +
        "80 − 20 = 60 cartons: 60 × $3.20 = $192. Total: $56 + $192 = $248.\n" +
        "Answer: $248",
    ],
    transformations: QUANTITATIVE,
    guidance: "Write every calculation with its result and unit; check the answer by a quick reverse calculation.",
  },
  {
    name: "unit_conversion",
    definition:
      "A conversion between units, often chained or combined with a rate (scaling a recipe from cups to grams, " +
      "a speed from km/h to m/s, fuel use from miles per gallon to litres per 100 km, prices with a stated " +
      "exchange rate), with every factor that is not common knowledge stated in the question and the rounding " +
      "specified. The reasoning writes each factor with its units and rounds only at the end. The answer form is " +
      "a number with its unit, rounded as asked.",
    examples: [
      "Question: A cyclist rides at 27 km/h. What is that speed in metres per second?\n" +
        "Reasoning: 27 km = 27,000 m and 1 h = 3,600 s. So 27 km/h = 27,000 m ÷ 3,600 s = 7.5 m/s.\n" +
        "Answer: 7.5 m/s",
      "Question: A soup recipe for 4 people needs 3 cups of lentils, and 1 cup of lentils weighs 190 g. How " +
        "many grams of lentils does the soup need for 10 people?\n" +
        "Reasoning: For 4 people: 3 cups × 190 g/cup = 570 g. Per person: 570 g ÷ 4 = 142.5 g. For 10 people: 10 " +
        "× 142.5 g = 1,425 g.\n" +
        "Answer: 1,425 g",
      "Question: A car uses 6.5 litres of fuel per 100 km. How much fuel does it use on a 240-mile trip? Use 1 " +
        "mile = 1.609 km and round to one decimal place.\n" +
        "Reasoning: Distance: 240 miles × 1.609 km/mile = 386.16 km. Fuel: 386.16 km × 6.5 L / 100 km = 25.1004 " +
        "L. Rounded to one decimal place: 25.1 L.\n" +
        "Answer: 25.1 L",
    ],
    transformations: UNITS,
    guidance: "Write each conversion factor with its units so that they visibly cancel; round only at the end.",
  },
  {
    name: "pattern_sequence",
    definition:
      "A sequence of numbers, times, dates, letters or schedule entries that follows one rule (arithmetic, " +
      "geometric, alternating, cumulative, cyclic, position-dependent); the question asks for the next term, a " +
      "later term or a missing one. The rule is not stated: it must be found from the terms, and exactly one " +
      "simple rule fits every given term. The reasoning states the rule, checks it on every given term and " +
      "applies it. The answer form is the term.",
    examples: [
      "Question: A tide table lists high water at 03:10, 15:35, 04:00 and 16:25. When is the next high water?\n" +
        "Reasoning: Each high water comes 12 h 25 min after the last: 03:10 + 12:25 = 15:35; 15:35 + 12:25 = " +
        "04:00; 04:00 + 12:25 = 16:25. The rule fits every term. Next: 16:25 + 12:25 = 04:50.\n" +
        "Answer: 04:50 the next day",
      "Question: A savings jar held 2, 5, 11, 23 and 47 coins at the end of five successive weeks. If the " +
        "pattern continues, how many coins will it hold at the end of the sixth week?\n" +
        "Reasoning: Each term is twice the one before plus 1: 2 × 2 + 1 = 5; 5 × 2 + 1 = 11; 11 × 2 + 1 = 23; 23 " +
        "× 2 + 1 = 47. The rule fits every term. Next: 47 × 2 + 1 = 95.\n" +
        "Answer: 95 coins",
      "Question: A warehouse labels its shelves A1, C2, E3, G4 and so on. What is the label of the seventh " +
        "shelf?\n" +
        "Reasoning: The letter moves two places forward each time (A, C, E, G) and the number goes up by 1 (1, 2, " +
        "3, 4). The rule fits every given label. Shelf 5: I5; shelf 6: K6; shelf 7: M7.\n" +
        "Answer: M7",
    ],
    transformations: QUANTITATIVE,
    guidance: "Check the rule on every given term before extending it, and reject rules that fit only some terms.",
  },
  // Time.
  {
    name: "date_time_reasoning",
    definition:
      "A question computing a date, weekday, time of day or duration from dates, times and intervals stated in " +
      "the question: adding days across month ends, finding a weekday from a stated anchor, elapsed time across " +
      "midnight or time zones, deadlines in working days. Every anchor and interval needed is stated, none to be " +
      "inferred from a pattern. The reasoning moves in explicit steps (to the month end, then into the next " +
      "month). The answer form is a date, weekday, time or duration, as asked.",
    examples: [
      "Question: A ferry leaves at 22:40 and the crossing takes 9 hours 35 minutes. At what time does it " +
        "arrive?\n" +
        "Reasoning: 22:40 plus 9 hours is 07:40 the next day. Plus 35 minutes is 08:15.\n" +
        "Answer: 08:15 the next day",
      "Question: A 30-day free trial starts on Monday 3 March 2025, which counts as day 1. On what date, and on " +
        "which weekday, is the last day of the trial?\n" +
        "Reasoning: Day 30 is 29 days after 3 March. March has 31 days, so 31 March is 28 days after 3 March (day " +
        "29), and day 30 is 1 April. 29 days = 4 weeks and 1 day, so the weekday is one after Monday: Tuesday.\n" +
        "Answer: Tuesday 1 April 2025",
      "Question: A video call starts at 16:30 in London (UTC+1 in summer) and lasts 1 hour 50 minutes. What " +
        "time is it in Tokyo (UTC+9) when the call ends?\n" +
        "Reasoning: The call ends at 16:30 + 1:50 = 18:20 London time. Tokyo is 9 − 1 = 8 hours ahead of London: " +
        "18:20 + 8:00 = 26:20, which is 02:20 the next day.\n" +
        "Answer: 02:20 the next day, Tokyo time",
    ],
    transformations: TEMPORAL,
    guidance:
      "Count across month lengths explicitly (February has 29 days in years divisible by 4, except centuries " +
      "not divisible by 400) and state whether the start day is counted.",
  },
  {
    name: "state_tracking",
    definition:
      "A starting state (who holds what, where each item is, a tank's level, an account balance) and four to " +
      "eight operations described in the question (swaps, transfers, moves, deposits and withdrawals); the " +
      "question asks for the final state of one element. The reasoning writes the state after every operation. " +
      "The answer form is the final value, place or holder.",
    examples: [
      "Question: Three cooks each start with one pan: Lu has the wok, Ravi the skillet, Sam the saucepan. Lu " +
        "and Ravi swap pans, then Ravi and Sam swap, then Lu and Sam swap, then Lu and Ravi swap again. Which " +
        "pan does Sam have now?\n" +
        "Reasoning: After swap 1: Lu skillet, Ravi wok, Sam saucepan. After swap 2: Lu skillet, Ravi saucepan, " +
        "Sam wok. After swap 3: Lu wok, Ravi saucepan, Sam skillet. After swap 4: Lu saucepan, Ravi wok, Sam " +
        "skillet.\n" +
        "Answer: The skillet",
      "Question: A water tank holds 400 litres. In the morning 150 litres are drawn off, then a pump adds 80 " +
        "litres, then the garden sprinkler uses 120 litres, and finally rain adds 35 litres. How much water is in " +
        "the tank now?\n" +
        "Reasoning: Start: 400 L. After 150 L are drawn off: 250 L. After the pump adds 80 L: 330 L. After the " +
        "sprinkler uses 120 L: 210 L. After the rain adds 35 L: 245 L.\n" +
        "Answer: 245 litres",
      "Question: Shelf 1 holds the red parcel, shelf 2 the blue one and shelf 3 the green one. A clerk moves " +
        "the red parcel to shelf 3, then the blue parcel to shelf 1, then the green parcel to shelf 2, and " +
        "finally swaps everything on shelves 1 and 3. What is on shelf 1 now?\n" +
        "Reasoning: After move 1: shelf 1 empty, shelf 2 blue, shelf 3 red and green. After move 2: shelf 1 blue, " +
        "shelf 2 empty, shelf 3 red and green. After move 3: shelf 1 blue, shelf 2 green, shelf 3 red. After the " +
        "swap: shelf 1 red, shelf 2 green, shelf 3 blue.\n" +
        "Answer: The red parcel",
    ],
    transformations: CHANGING_STATE,
    guidance: "Write the full state after every operation, not only the elements the operation touches.",
  },
  // Logic and rules.
  {
    name: "logical_deduction",
    definition:
      "Deduction from premises stated in the question: ordering puzzles (four to six items with relative " +
      "positions), syllogisms with all, some and none, chains of if-then statements and their contrapositives, " +
      "or statements about who tells the truth. Exactly one answer follows. The reasoning applies the premises " +
      "one at a time, naming each. The answer form is the entity, the order, or Yes, No or Cannot be determined.",
    examples: [
      "Question: Four boats finish a race. The Heron finishes before the Gull. The Tern finishes last. The Gull " +
        "finishes before the Osprey. Which boat finishes second?\n" +
        "Reasoning: The Tern is fourth, so the other three take places 1 to 3. The Heron is before the Gull and " +
        "the Gull before the Osprey, so the order is Heron, Gull, Osprey. Second place is the Gull.\n" +
        "Answer: The Gull",
      "Question: All the violinists in the orchestra read music. Some members of the orchestra's choir are " +
        "violinists. Does it follow that some choir members read music?\n" +
        "Reasoning: Some choir members are violinists. Every violinist reads music. So the choir members who are " +
        "violinists read music, and some choir members read music.\n" +
        "Answer: Yes",
      "Question: If the bakery is open, its sign is lit. Tonight the sign is lit. Is the bakery open?\n" +
        "Reasoning: The premise says an open bakery has its sign lit; it does not say the sign is lit only when " +
        "the bakery is open. The sign could be lit for another reason, so the premises allow both answers.\n" +
        "Answer: Cannot be determined",
    ],
    transformations: LOGICAL,
    guidance:
      "Separate what follows necessarily from what is merely possible; answer that it cannot be determined when " +
      "the premises allow more than one answer.",
  },
  {
    name: "rule_based_classification",
    definition:
      "The question states a rule set or classification scheme in full (two to five rules with thresholds and " +
      "exceptions) and one item with its features, and asks for its category or verdict (eligible or not, which " +
      "fee band, which class). The reasoning checks the rules in their order of precedence against the item's " +
      "features, saying which apply. The answer form is the category or verdict.",
    examples: [
      "Question: A library lends DVDs and books published this year for 7 days, other books for 21 days, and " +
        "does not lend reference books. A reader wants to borrow a cookbook published five years ago. How long " +
        "may they keep it?\n" +
        "Reasoning: A cookbook is not a reference book, so it can be lent. It is not a DVD. It was not published " +
        "this year. So the rule for other books applies: 21 days.\n" +
        "Answer: 21 days",
      "Question: A courier charges €5 for parcels up to 2 kg, €9 for parcels over 2 kg and up to 10 kg, and €15 " +
        "for parcels over 10 kg. Any parcel longer than 120 cm costs €15, whatever its weight. A parcel weighs " +
        "4.5 kg and is 130 cm long. What does it cost to send?\n" +
        "Reasoning: The length rule applies whatever the weight, so it is checked first: 130 cm is longer than " +
        "120 cm, so the parcel costs €15. The weight band for 4.5 kg (€9) does not apply.\n" +
        "Answer: €15",
      "Question: A hiking club rates a trail 'easy' if it is under 8 km with under 300 m of climb, 'hard' if it " +
        "is over 15 km or has over 800 m of climb, and 'moderate' otherwise. A trail is 12 km long with 950 m of " +
        "climb. How is it rated?\n" +
        "Reasoning: It is not easy: 12 km is not under 8 km. Hard needs over 15 km or over 800 m of climb: 950 m " +
        "is over 800 m, so it is hard, although its length alone would make it moderate.\n" +
        "Answer: Hard",
    ],
    transformations: RULES,
    guidance: "Check every rule against the item, including exceptions, before concluding.",
  },
  {
    name: "analogy",
    definition:
      "An analogy 'A is to B as C is to what?', where the relation (tool and user, part and whole, producer and " +
      "product, cause and effect, stage and next stage, worker and workplace) comes from the material's domain. " +
      "The reasoning names the first pair's relation precisely, applies it to C, and rules out near misses that " +
      "fit a looser relation. The answer form is one word or short phrase.",
    examples: [
      "Question: Loom is to weaver as kiln is to what?\n" +
        "Reasoning: A loom is the main tool a weaver uses to make cloth. A kiln is the main tool used to fire " +
        "clay into ceramics, which is the work of a potter. 'Clay' fits a looser relation (material, not worker).\n" +
        "Answer: Potter",
      "Question: Chapter is to novel as episode is to what?\n" +
        "Reasoning: A chapter is one of the parts a novel is made of. An episode is one of the parts a series is " +
        "made of. 'Television' fits only a looser relation (the medium, not the whole).\n" +
        "Answer: Series",
      "Question: Caterpillar is to butterfly as tadpole is to what?\n" +
        "Reasoning: A caterpillar is the young stage that turns into a butterfly. A tadpole is the young stage " +
        "that turns into a frog. 'Pond' fits a looser relation (where it lives, not what it becomes).\n" +
        "Answer: Frog",
    ],
    transformations: RELATIONAL,
    // A bare 'A is to B as C is to ?' has no extra step to add and no room for a distracting detail.
    goals: ["non_obvious_application", "contrasting_examples"],
  },
  // Causes, the physical world, facts.
  {
    name: "causal_reasoning",
    definition:
      "A scenario stated in the question, with the mechanisms needed, and a question about cause and effect: what " +
      "caused an outcome, what follows if a link is removed or changed, whether an action was necessary or " +
      "sufficient, whether a correlation shows causation. The answer follows from the mechanisms the question " +
      "states, not from everyday knowledge of materials. The reasoning traces the chain link by link. The answer " +
      "form is a short answer, Yes or No with the reason, or the factor chosen.",
    examples: [
      "Question: A greenhouse fan runs only when its thermostat reads above 28°C, and the plants wilt only if " +
        "the fan is off on a hot day. On a 33°C day the thermostat's wire was damaged and it read 20°C. Why did " +
        "the plants wilt?\n" +
        "Reasoning: The thermostat read 20°C, below 28°C, so the fan did not run. With the fan off on a hot day, " +
        "the plants wilted. The cause is the faulty reading, not the heat alone.\n" +
        "Answer: The damaged thermostat read too low, so the fan never started.",
      "Question: Bread dough rises only if its yeast is active and the room is warmer than 20°C. Yeast stops " +
        "being active if it is mixed with water hotter than 50°C. On Tuesday the room was 24°C and the baker used " +
        "60°C water, and the dough did not rise. Was the room temperature the cause?\n" +
        "Reasoning: The room, at 24°C, was warmer than 20°C, so warmth was not missing. The water, at 60°C, was " +
        "hotter than 50°C, so the yeast was no longer active. Without active yeast the dough cannot rise.\n" +
        "Answer: No: the 60°C water stopped the yeast, not the room.",
      "Question: A town's river floods whenever heavy rain falls while the upstream dam's gates are open; with " +
        "the gates closed, heavy rain alone does not flood it. One week in April the gates stayed open and no " +
        "heavy rain fell. Was closing the gates necessary to prevent a flood that week?\n" +
        "Reasoning: A flood needs both heavy rain and open gates. No heavy rain fell, so one of the two was " +
        "missing and no flood could happen either way. Closing the gates would have changed nothing.\n" +
        "Answer: No: without heavy rain there was no flood to prevent.",
    ],
    transformations: CAUSAL,
  },
  {
    name: "commonsense_physical_reasoning",
    definition:
      "An everyday situation with objects, materials, liquids, heat or forces, stated in the question: what " +
      "happens when something is heated, frozen, stacked, poured, tilted, dropped, mixed or left outside, which " +
      "arrangement is stable, what fits where. The answer rests on physical properties that are common knowledge " +
      "(or stated), not on a chain of rules the question sets out. The reasoning names the property at work and " +
      "follows its consequence. The answer form is a short answer.",
    examples: [
      "Question: A glass jar is filled to the brim with water, closed tightly and left in a freezer overnight. " +
        "What is likely to happen to the jar?\n" +
        "Reasoning: Water expands as it freezes. The jar is full and closed, so the ice presses on the glass. " +
        "Glass is rigid and brittle, so it is likely to crack.\n" +
        "Answer: The jar is likely to crack.",
      "Question: A metal spoon and a wooden spoon stand in the same pot of hot soup for five minutes. Which " +
        "handle is more likely to be too hot to hold?\n" +
        "Reasoning: Metal conducts heat well, so heat travels from the soup up the metal handle. Wood conducts " +
        "heat poorly, so its handle stays close to room temperature.\n" +
        "Answer: The metal spoon's handle",
      "Question: Three moving boxes must go in one stack: a heavy box of books, a light box of pillows and a " +
        "box of dishes of medium weight. In which order, from the bottom up, should they be stacked?\n" +
        "Reasoning: A stack is steadiest with the heaviest box at the bottom, so the books go first. Dishes can " +
        "break under weight, so only the light box should rest on them: the pillows go on top.\n" +
        "Answer: Books, then dishes, then pillows",
    ],
    transformations: PHYSICAL,
    guidance: "Name the physical property that decides the outcome and say why the alternatives are less likely.",
  },
  {
    name: "multi_step_lookup",
    definition:
      "The question gives a small table or list of facts (five to twelve entries) and asks for something that " +
      "needs two or three chained lookups (the floor of the office of X's manager; the price of the cheapest " +
      "item in Y's category). The reasoning states each lookup and its result in order. The answer form is the " +
      "final value.",
    examples: [
      "Question: Ana manages Ben; Ben manages Cleo. Ana's office is Room 12, Ben's Room 7, Cleo's Room 3. Rooms " +
        "3 and 7 are on floor 1, Room 12 on floor 2. On which floor is the office of Cleo's manager's manager?\n" +
        "Reasoning: Cleo's manager is Ben. Ben's manager is Ana. Ana's office is Room 12. Room 12 is on floor 2.\n" +
        "Answer: Floor 2",
      "Question: A café sells tea at $2.50, coffee at $3.00 and juice at $3.75. Tea and coffee are hot drinks; " +
        "juice is a cold drink. Each guest gets the cheapest drink of the kind they prefer. Mira prefers hot " +
        "drinks. What does Mira's drink cost?\n" +
        "Reasoning: Mira prefers hot drinks. The hot drinks are tea ($2.50) and coffee ($3.00). The cheapest of " +
        "them is tea, at $2.50.\n" +
        "Answer: $2.50",
      "Question: Flight LX318 leaves from gate B14 and flight LX320 from gate B20. Gate B14 is in Terminal 2, " +
        "gate B20 in Terminal 1. Terminal 1's security checkpoint opens at 04:30, Terminal 2's at 05:00. When " +
        "does the checkpoint for flight LX318 open?\n" +
        "Reasoning: Flight LX318 leaves from gate B14. Gate B14 is in Terminal 2. Terminal 2's checkpoint opens " +
        "at 05:00.\n" +
        "Answer: 05:00",
    ],
    transformations: LOOKUPS,
    guidance: "State each lookup and its result before using it in the next.",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of few-shot reasoning items. An item is two to four worked \
examples (question, reasoning, answer) and a new question that a student answers by following the examples' \
method. You are given an item, the material it was set in, and a refinement goal, and you propose concrete \
modifications that would turn the item into a new, more demanding one meeting the goal. You do not write the new \
item: an editor will apply your suggestions.

Remember how the item is used: the student sees only the examples and the new question, never the material.

A good suggestion:
- Is specific and actionable: it says exactly what to change in which example or in the new question (quote the \
part concerned) and spells out any new fact, number, rule or entry in full. A short replacement phrase is fine; \
a rewritten item is not.
- Achieves the goal on its own and leaves a sound item: every question self-contained with exactly one answer, \
every example's reasoning correct and in the same format as the others, and the new question still solvable by \
the demonstrated method.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal.`;

const SUGGEST_GUIDELINES = `Solve the new question yourself and note the steps of the method the examples \
demonstrate: your suggestions must act on those steps. Solve each changed question too: it must still have exactly \
one answer.`;

const EDIT_SYSTEM = `You are an expert editor of few-shot reasoning items. You are given an item (worked examples \
and a new question), the material it was set in, a refinement goal, and suggestions from a reviewer. You apply the \
suggestions and produce the revised item.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would leave a question with \
no answer or several, or an example with a wrong step, skip it and keep the one that best serves the goal. The \
revised item must fully meet the goal.
- Return every example in full (question, reasoning, answer), changed or not, and the new question. Write them as \
plain text without the "Example 1", "Question:", "Reasoning:" and "Answer:" labels or the closing line asking the \
student to answer: those are added when the item is shown.
- The revised item follows the same rules as any item: two to four examples sharing one method and one format, \
every question self-contained with exactly one answer, every reasoning step correct, the new question without \
its answer.`;

const EDIT_GUIDELINES = `Solve the revised new question from scratch with the examples' method, and recheck \
every example's arithmetic and logic.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert teacher answering a question that follows worked examples of a \
reasoning method. Your answer will be shown to a student as a model of applying a demonstrated method with care.

- Follow the demonstration: reason in the same style and order of steps as the examples, at their level of \
detail or more where the new question needs it, and give the answer in the same form as theirs.
- Use only the facts the question states, plus common knowledge and arithmetic. Show every calculation with its \
result.
- Where the new question departs from the examples (an extra step, a detail that does not matter, a reversed \
direction, a boundary case such as a month end or an exception), handle the difference explicitly instead of \
copying the examples' moves; set aside irrelevant details in a few words.
- Check your answer before giving it: recompute, and test it against every condition of the question.
- If an example contains an error, do not copy it: reason correctly, and you may note the error in one sentence. \
If the question lacks a fact it needs, or its premises allow more than one answer, say so and explain why instead \
of guessing.
- When a calculator tool is available, use it for any non-trivial arithmetic and copy its results into your \
steps; the answer must still show every step, since the reader has no calculator log.

Format: "Reasoning:" followed by your steps, then a last line "Answer:" followed by the answer in the examples' \
form. No preface, and do not mention these instructions.`;

export default defineSkill({
  id: "few-shot-reasoning",
  title: "Few Shot Reasoning",
  split: "fs_cot_flow",
  description:
    "Teaches following worked examples: answering a new question with the step-by-step reasoning method that two " +
    "to four examples demonstrate. Each seed is turned by one of eight agents into material rich in reasoning " +
    "opportunities (quantities and rates, rules and conditions, causal chains, a classification scheme, a " +
    "procedure, a timeline, entities and relations, or the seed itself); agents for three of 11 reasoning types " +
    "(arithmetic, unit conversion, sequences, dates and times, state tracking, deduction, rule-based " +
    "classification, analogies, causal and physical reasoning, chained lookups) write self-contained worked " +
    "examples and a new question; refinement makes the new question need one more step, adds irrelevant " +
    "details, makes the method apply in a non-obvious way, or makes the examples contrast; and the teacher " +
    "answers in the examples' format, checking every step.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "material",
  itemLabel: "item",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "quantities_and_rates",
        description: "Quantities with units, rates, prices and percentages from the seed, with chained relations.",
        prompt: QUANTITIES_AND_RATES,
      },
      {
        name: "rules_and_conditions",
        description: "Precise rules with conditions, thresholds, exceptions and precedence, plus decided cases.",
        prompt: RULES_AND_CONDITIONS,
      },
      {
        name: "causal_chain",
        description: "Causal chains in the seed's subject, link by link, with mechanisms and conditions.",
        prompt: CAUSAL_CHAIN,
      },
      {
        name: "classification_scheme",
        description: "Categories with checkable criteria and a checking order, and items sorted into them.",
        prompt: CLASSIFICATION_SCHEME,
      },
      {
        name: "procedure_steps",
        description: "A numbered procedure with quantities, durations, branches and the state after each step.",
        prompt: PROCEDURE_STEPS,
      },
      {
        name: "timeline_and_schedule",
        description: "Dated events, recurring schedules, durations and deadlines, with checked weekdays.",
        prompt: TIMELINE_AND_SCHEDULE,
      },
      {
        name: "entities_and_relations",
        description: "Entities with uniform attributes and relations that chain over two or three hops.",
        prompt: ENTITIES_AND_RELATIONS,
      },
      identityAgent(IDENTITY),
    ],
  },
  instruct: {
    system: INSTRUCT_SYSTEM,
    guidelines: INSTRUCT_GUIDELINES,
    shape: "few_shot",
    types: TYPES,
  },
  refine: {
    suggest: { system: SUGGEST_SYSTEM, guidelines: SUGGEST_GUIDELINES },
    edit: { system: EDIT_SYSTEM, guidelines: EDIT_GUIDELINES },
    // The student never sees the material: every goal changes only the item.
    goals: [
      {
        name: "one_more_step",
        description:
          "Make the new question need one more reasoning step than any example shows, of the same kind (one more " +
          "calculation, lookup, rule, causal link, date interval or operation to track), so that the student " +
          "must extend the method rather than copy it. Leave the examples as they are unless one must change to " +
          "show the building block the extra step uses. The new question keeps exactly one answer.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "irrelevant_detail",
        description:
          "Add to the new question one or two details that fit its scenario and look relevant but do not affect " +
          "the answer (an extra number, a date, a rule that does not apply to this case, a bystander), so that " +
          "the student must pick out what matters. One example may gain such a detail too, with its reasoning " +
          "setting it aside explicitly, to model the move. The correct answer stays the same.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "non_obvious_application",
        description:
          "Change the new question so that the examples' method applies in a way its surface does not show: the " +
          "unknown moves to another position (find the start instead of the end), the direction reverses " +
          "(convert back, count backward in time), a boundary case arises (a month end, a leap year, a rule's " +
          "exception, a tie), or the same rule appears in different wording. A student who copies the examples' " +
          "surface gets it wrong; one who understood the method gets it right, with exactly one answer.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "contrasting_examples",
        description:
          "Revise the examples so that together they show the method's range: contrasting cases (one where a rule " +
          "applies and one where it does not, one with an exception or carry and one without, different answer " +
          "values of the same form), still in one shared reasoning format, so that the student learns when each " +
          "step applies. Every revised example must be correct; the new question may stay as it is.",
        editsContent: false,
        repeatable: false,
      },
    ],
  },
  // The calculator keeps the arithmetic exact; the answer itself still shows every step.
  respond: {
    system: RESPOND_SYSTEM,
    task: "Answer the last question, following the reasoning shown in the examples.",
    tools: ["calculator"],
  },
  userMessage: "{instruction}",
});
