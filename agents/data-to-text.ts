// Data To Text (split "struct2text_flow"): the AgentInstruct paper publishes only the skill's name and its
// split (structured data to prose). The eight transformation agents (the seed as structured data in eight
// formats), the 12 writing types, the four refinement goals and every prompt are ours.
import { defineSkill } from "./define-skill.js";

// Trends need an ordered dimension (time, sequence) that the time-series and tabular forms carry.
const ORDERED = ["time_series_log", "csv_dataset", "markdown_table", "json_records", "linked_tables"];
// Configuration walkthroughs need a document that configures or specifies something.
const CONFIGURATION = ["config_document", "json_records"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a content-transformation agent in a pipeline that builds data-to-text \
exercises. You receive a source, either a text (often extracted from a web page or a document) or a \
source-code file, and turn it into structured data in the format that the task names (a Markdown table, a CSV \
file, JSON records, an infobox, knowledge-graph triples, a log, a configuration document...). Other agents \
will then write instructions asking for prose written from your data (a summary, a report, a comparison, a \
description of a trend...), and students will write that prose from your data alone.

Unless the task says otherwise:
- Ground the data in the source. Encode its entities, attributes, figures, dates, categories and relations, \
with every value it states kept exactly. For a code source, model what the code is about or manages: the \
records its data structures describe, its functions, endpoints, options or settings with their types and \
defaults, its dependencies, the domain data it would process, or the output it would produce.
- Make the data rich enough to write about: several records or entities, a mix of numbers, categories, \
dates and short text values, and real contrasts (highs and lows, changes, groups that differ), so that \
comparisons, trends and conclusions can be drawn.
- You may add records or fields that are consistent with the source to reach that richness. Values about real, \
named people and organizations must come from the source; put illustrative additions on fictional entities or \
keep them generic, and keep them realistic (plausible magnitudes, totals that add up, dates in order).
- Real data is rarely perfect: where the source does not give a value, leave it empty in the way the format \
allows (an empty cell, null, "n/a") rather than invent it. Never introduce errors on purpose.
- Make the data self-explanatory: clear field and column names, units stated in headers or keys (or in a \
unit field), consistent formats within a field (dates, numbers, currency), and identifiers where records refer \
to each other.
- Keep the syntax of the format valid and clean, without prose commentary outside what the format allows.
- Write names, labels and text values in the language of the source (for code, in English unless the code's \
comments use another language).
- Include no secrets, real personal contact details, or hateful, sexual or dangerous content.

The data is your whole answer, delivered in the output format given at the end of the task: no preface such \
as "Here is the table", no closing remarks, no explanation of your choices.`;

const MARKDOWN_TABLE = `Turn the source text below into one Markdown table, or two related tables if the \
material falls naturally into two groups.

Requirements:
- One line with a short, descriptive title above each table (for example "Table: Bus routes operated in \
2023").
- A header row, then 6 to 15 rows; 4 to 8 columns. The first column identifies the row (a name, period or \
item); the others hold attributes of different types (numbers, categories, dates, short text).
- Units in the column headers ("Length (km)", "Revenue (USD million)"), numbers without units in the cells, \
numbers right-aligned in the separator row where that helps.
- For a code source: tabulate what the code defines or handles (functions with their parameters, return types \
and purpose; configuration options with types, defaults and effects; or the records its data model describes).
- Leave a cell empty or write "n/a" where the source gives no value.`;

const CSV_DATASET = `Turn the source text below into a CSV dataset.

Requirements:
- The first line is the header; then 8 to 25 data rows. Only the CSV: no title line, no notes.
- 5 to 9 columns, snake_case names with units as suffixes (price_usd, duration_min, area_km2), including an \
identifier column and at least one date or period column in ISO 8601 (2024-03-15, 2024-03, 2024-Q1).
- Comma-separated; quote any value that contains a comma. Numbers plain, without thousands separators or \
currency symbols. Leave a field empty where the source gives no value.
- Rows form a coherent dataset: the same kind of record (transactions, measurements, products, events, \
survey answers...), sorted by the identifier or the date.
- For a code source: a dataset of the records the code processes or produces (the rows its parser reads, the \
results of its computations, its test cases with inputs and expected outputs, its benchmark runs).`;

const JSON_RECORDS = `Turn the source text below into a JSON document of nested records.

Requirements:
- A top-level object with a short metadata part (what the data describes, its source type, the date or period \
it covers) and an array of 4 to 12 records.
- Each record nests structure where the subject has it: sub-objects for grouped attributes (location, \
dimensions, contact role, metrics), arrays for repeated elements (members, line items, versions, tags, \
measurements over time).
- Consistent keys in snake_case across records, units in key names or in a unit field, ISO 8601 dates, \
numbers as numbers and booleans as booleans, and null where the source gives no value.
- For a code source: records for what the code models (entities with their fields, API endpoints with methods, \
parameters and responses, modules with their functions and dependencies).
- Valid JSON, pretty-printed with two-space indentation.`;

const INFOBOX = `Turn the source text below into a key-value infobox about its main entity, in the manner of an \
encyclopedia infobox or a product fact sheet.

Requirements:
- Choose the entity the source is most about (a person, organization, place, event, species, work, product, \
software library, law, building...). The first line is its name.
- 15 to 30 fields, one per line as a field name, a colon, and the value, grouped under two to five short \
section headings fitting the entity (for example Overview, History, Key figures, Technical details, People).
- Values are short: a name, number with unit, date, list separated by semicolons, or a short phrase; no full \
sentences. Dates and figures exactly as the source gives them; "unknown" where a field the entity should have \
is not given.
- For a code source: the library, module or program the code belongs to (language, purpose, main components, \
public functions, dependencies, configuration, license if stated, inputs and outputs).`;

const KNOWLEDGE_GRAPH_TRIPLES = `Turn the source text below into a set of knowledge-graph triples.

Requirements:
- 15 to 40 triples, one per line, in the form: subject | predicate | object
- Entities named consistently (the same entity always with the same name), predicates in snake_case from a \
small vocabulary you reuse (born_in, located_in, founded_by, part_of, has_population, released_on, \
depends_on, returns_type...). Literal values keep their unit ("12.5 km", "2019-06-01").
- Cover several entities linked to one another, not only facts about one: chains (A founded B, B located in \
C) and shared objects make the graph something to write a story from.
- No duplicates and no contradictions. Every triple is stated in or directly supported by the source, or is \
an illustrative addition about a fictional entity.
- For a code source: the code's structure and meaning (classes, functions, modules, their relations such as \
calls, inherits_from, depends_on, returns_type, has_parameter, and what they model in the domain).
- Only the triples: no header, no numbering.`;

const TIME_SERIES_LOG = `Turn the source text below into time-ordered data: either a time series of measurements \
or an event log, whichever the source fits better.

Requirements:
- Time series: a header line and 12 to 30 rows of a timestamp or period plus two to five measured variables \
with units in the header (for example "month, visitors, revenue_eur, avg_rating"). The values must show real \
movement: a trend, a seasonal pattern, a peak or dip, a change after an event.
- Event log: 12 to 30 entries, one per line, each an ISO 8601 timestamp, a level or category, an actor or \
component, and a short message, telling a story in order (a project's milestones, an incident from detection \
to resolution, a shipment's journey, a patient's hospital stay in neutral terms, a match's key events).
- Keep the source's dates and figures; derive the rest consistently (no value that jumps impossibly, events \
in plausible order and spacing).
- For a code source: an application or build log of what the code would do when run, or a series of metrics \
from it (requests per minute, memory, test results per commit).
- Only the data: no title, no notes.`;

const CONFIG_DOCUMENT = `Turn the source text below into a structured document in YAML or XML, whichever suits \
the material: a configuration file, a specification, a manifest, a catalog or a structured record.

Requirements:
- Choose what the document would realistically be in the source's world: a service's configuration, a \
product specification, an event program, a course catalog entry, a recipe in a structured format, a \
metadata record, a deployment manifest, a policy's rules.
- Three or four levels of nesting, 25 to 60 values, mixing scalars, lists and nested sections. Keys or tags \
meaningful and consistent; units in key names or attributes; dates in ISO 8601.
- YAML: two-space indentation, no tabs, comments only where a real file of this kind would have them. XML: a \
single root element, attributes for identifiers and units, elements for content, well-formed.
- For a code source: a configuration or manifest the code would read or ship with (its settings with \
defaults, environments, feature flags, dependencies, routes, jobs).
- Only the document.`;

const LINKED_TABLES = `Turn the source text below into two or three small Markdown tables that are linked by \
identifiers, like tables in a relational database.

Requirements:
- Each table has a one-line title naming it (for example "Table: authors", "Table: books"), a header row \
and 4 to 12 rows.
- One table lists entities with an identifier column (author_id, site_id); another table refers to them through \
that identifier (a books table with an author_id column, a measurements table with a site_id column). A third \
table, if any, adds another relation (loans, visits, orders).
- Units in the headers, consistent formats, every referring identifier present in the table it points to.
- The tables together must hold facts that only make sense when joined (which author's books sold most, which \
site recorded the highest value), so that a writer must combine them.
- For a code source: the entities its data model defines and the relations between them, as tables of \
sample records.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert designer of data-to-text writing tasks, the kind used to train and \
test report writers, data journalists, analysts and natural-language generation systems. You write \
instructions that ask for prose written from one given piece of structured data, all of one instruction type.

How the instructions will be used: a writer is shown the data and then one of your instructions, and must \
write the requested text from the data alone. Therefore each instruction must:
- Not reproduce the data. The writer already has it. Refer to it by what it is: "the table", "the dataset", \
"the records", "the infobox", "the triples", "the log", "the configuration". Naming a column, field, record or \
value to point at it is fine.
- Ask for prose: sentences and paragraphs (a headline or caption counts). Never ask for a table, JSON, code, a \
chart or a bulleted list, and never ask for a transformation into another data format.
- Be answerable from the data alone: everything the text needs is in the data, or computable from it \
(differences, totals, averages, rankings, percentages). No outside facts may be needed. It may ask for \
interpretation only where the data supports it.
- State the text's form and constraints: its genre (summary, paragraph, report, email, news brief, product \
description, caption), its length in sentences or words, and its audience or purpose where they matter.
- Be specific about what to cover: which records, fields, comparison or period, unless the type asks for the \
whole data.
- Never contain the text itself, a draft or a model answer, and never state the figures the writer should \
find.

Vary the phrasing and the framing (a request from a manager, a newsletter, a report section, an app's \
description screen). Write no preface, numbering or commentary around the instructions, and do not name the \
instruction type. Write in the language of the data's labels and values.`;

const INSTRUCT_GUIDELINES = `- Make the instructions all different: each targets a different part, relation or \
reading of the data, and no two could be answered with the same text.
- Prefer instructions that need the writer to select, combine or compute (compare two records, find the \
largest change, total a group) over ones answered by reading out a single value.
- Never refer to fields, records or values the data does not contain.`;

// ---------------------------------------------------------------------------------------------------------
// Writing taxonomy (ours)
// ---------------------------------------------------------------------------------------------------------

const TYPES = [
  {
    name: "summary",
    definition:
      "Asks for a concise, neutral overview of the whole data for a general reader: what it describes, its " +
      "scope, and its two to four most important takeaways (largest and smallest values, overall totals or " +
      "averages, the main pattern), with key figures. A good instruction fixes the length and the place the " +
      "summary will appear. The answer is one paragraph of the stated length; unlike a narrative report it " +
      "does not walk through the data in order, and unlike an audience rewrite it keeps the data's own terms.",
    examples: [
      "Write a summary of the dataset in four to five sentences for a project dashboard, covering what it " +
        "records, the period it spans and its most notable figures.",
      "Summarize the table of school canteen meals in one paragraph of no more than 90 words: what it lists, " +
        "how many items it covers, and the cheapest and the most expensive meal.",
      "Give the gist of these community garden records in a single paragraph that could open a quarterly " +
        "newsletter, with the two or three figures that matter most.",
    ],
    guidance:
      "Lead with what the data covers, then the main takeaways with their exact figures; do not list every " +
      "record.",
  },
  {
    name: "narrative_report",
    definition:
      "Asks for a multi-paragraph report or article that tells the story the data holds, in an ordered way " +
      "(by time, by group, from overview to detail): for a log, what happened from start to end; for a " +
      "dataset, the situation, the main patterns and the notable cases. The instruction names the genre " +
      "(incident report, news article, annual review section) and the order to follow. The answer is a " +
      "report of two or more paragraphs of the stated length, with transitions between its parts.",
    examples: [
      "Using the event log, write an incident report of 200 to 250 words for the operations team that " +
        "explains what went wrong, when each stage happened, and how the problem was resolved.",
      "Write a three-paragraph news article (about 250 words) for the town website on this season of the " +
        "youth football league, moving from the final standings to the closest matches.",
      "Draft the 'Year in review' section of the museum's annual report from these visitor and exhibition " +
        "records. Two or three paragraphs: begin with the overall picture and end with the busiest exhibitions.",
    ],
    guidance:
      "Organize the report in a clear order (chronological for logs), connect the facts with transitions, " +
      "and keep every time, name and value exactly as in the data.",
  },
  {
    name: "comparison",
    definition:
      "Names two or more records, entities or groups in the data and several attributes on which to compare " +
      "them, and asks for prose that states where they differ and where they are alike, with figures and the " +
      "size of the differences (absolute or relative). Unlike a question answered in prose, it asks for a " +
      "balanced side-by-side account, not one fact. The answer is a paragraph or two of the stated length.",
    examples: [
      "In one paragraph of about 100 words, compare the two cheapest laptops in the table on weight, battery " +
        "life and price, and say which suits a student who travels often.",
      "Compare the two longest hiking trails in the records on elevation gain, walking time and difficulty " +
        "(80 to 120 words), and point out one way in which they are alike.",
      "How do the morning and evening bakery shifts differ? Contrast them in two short paragraphs on staff, " +
        "loaves baked and waste, giving the size of each difference.",
    ],
    guidance:
      "Compare attribute by attribute with the exact values and the computed differences; any recommendation " +
      "must follow from those figures.",
  },
  {
    name: "trend_description",
    definition:
      "Asks for a description of how one or more variables change over time or along an ordered dimension: " +
      "direction, rate and size of change, peaks and troughs, turning points, and how the variables move " +
      "relative to one another. A good instruction names the variables and period. The answer is a paragraph " +
      "with the key values and dates.",
    examples: [
      "Describe in three to four sentences how monthly visitor numbers and average ratings changed over the " +
        "year, noting the peak month and any month where the two moved in opposite directions.",
      "In one paragraph, describe how the reservoir's water level moved from January to December: where it " +
        "started and ended, its lowest point, and the month it began to recover.",
      "For a sales briefing, write three sentences on how weekly ticket sales and the average ticket price " +
        "evolved over the season, including the week with the steepest rise.",
    ],
    transformations: ORDERED,
    guidance:
      "State the overall direction with start and end values, then the peaks, troughs and turning points " +
      "with their dates; compute changes correctly and avoid claiming causes the data does not show.",
  },
  {
    name: "single_record_description",
    definition:
      "Asks for a fluent description of one entity or record in the data (a person's biography from an " +
      "infobox, a product description from its record, a city profile from a row) for a stated purpose, " +
      "featuring the attributes that purpose calls for and weaving them into natural sentences. The " +
      "instruction names the record, the purpose and the aspects to feature; unlike a full verbalization it " +
      "selects, and need not cover every field. The answer is a paragraph of the stated length.",
    examples: [
      "Write a 60-to-80-word description of the record for the Oakridge branch library, suitable for the " +
        "library system's website, mentioning its opening hours and collection size.",
      "Using the infobox, write a short biography of the violinist for a concert programme (70 to 90 words), " +
        "focused on her training and her best-known recordings.",
      "A web shop needs a three-sentence product description of the TrailLite 2 tent. Highlight its weight, " +
        "how many people it sleeps and its price.",
    ],
    guidance:
      "Weave the record's attributes into natural sentences in a sensible order; include only values that the " +
      "record holds.",
    goals: ["exact_figures_and_units", "audience_and_length", "missing_or_inconsistent_value"],
  },
  {
    name: "full_verbalization",
    definition:
      "Asks for text that expresses every fact in the data, or in a named part of it (all the triples, every " +
      "field of a record, every row of a small table), with nothing omitted and nothing added, as fluent " +
      "prose rather than one sentence per item: the classic data-to-text task (as in WebNLG). The answer is " +
      "one or more paragraphs whose facts match the data one for one.",
    examples: [
      "Rewrite all the triples about the Nile Delta as a single coherent paragraph that includes every fact " +
        "they state and nothing else.",
      "Turn every field of the record for the Harbor Street bakery into fluent prose, leaving nothing out and " +
        "adding nothing.",
      "Write a paragraph that conveys each value in the rows for March and April, without omitting any or " +
        "adding a detail of your own.",
    ],
    guidance:
      "Cover every fact exactly once, group related facts into well-formed sentences, and add no fact, " +
      "judgment or interpretation that the data does not state.",
    // A derived figure or an aggregate would add what the data does not state.
    goals: ["audience_and_length", "missing_or_inconsistent_value"],
  },
  {
    name: "data_backed_argument",
    definition:
      "States a position, decision or recommendation and asks for a persuasive paragraph, memo or email that " +
      "argues for it using only evidence from the data, citing specific figures, and acknowledging at least " +
      "one figure that cuts against it. The position must be defensible from the data. The answer is a text " +
      "of the stated length and genre.",
    examples: [
      "Write a short memo (120 to 160 words) to the city council arguing that Route 7 should get more buses, " +
        "using the ridership and delay figures in the table and addressing the route's low weekend numbers.",
      "In an email of about 150 words to the school board, recommend keeping the library open on Saturdays. " +
        "Use the attendance records, and deal with the month that had the lowest turnout.",
      "Make the case, in one paragraph, that the second supplier is the better choice, citing delivery times " +
        "and defect rates from the dataset and conceding where the first supplier does better.",
    ],
    guidance:
      "Build the case on exact figures from the data, acknowledge the counter-evidence the instruction asks " +
      "about, and make no claim the data cannot support.",
  },
  {
    name: "audience_rewrite",
    definition:
      "Asks for an explanation of what the data shows, or of a named part of it, for a specific audience " +
      "whose needs differ from a specialist's (children, customers, patients, non-specialists, a foreign " +
      "visitor, a busy executive), adapting vocabulary, the choice of figures and the level of detail. The " +
      "audience drives the text: plain words, few and rounded or compared figures. The answer is a text of " +
      "the stated length in the audience's register.",
    examples: [
      "Explain to a group of ten-year-olds, in four or five simple sentences, what the table tells us about " +
        "which planets are biggest and which are farthest from the Sun.",
      "A patient with no medical background wants to know what the clinic's waiting-time table means for " +
        "them. Explain it in about 80 plain words, using at most three figures.",
      "Write a short paragraph for tourists with little English, in simple words and short sentences, on " +
        "when the ferries in the timetable run.",
    ],
    guidance:
      "Write for the named audience: choose the figures they need, round or compare them in terms they grasp, " +
      "and keep every statement true to the data.",
    // The type already sets an audience, and its register rounds figures rather than reporting them exactly.
    goals: ["missing_or_inconsistent_value", "require_aggregation"],
  },
  {
    name: "caption_headline",
    definition:
      "Asks for a short form that captures the data's main point: a headline plus a one-or-two-sentence " +
      "caption for a chart or table, a social-media post, a push notification, or an alt text. The " +
      "instruction sets the form and a word or character limit. The answer is the short text, within the " +
      "limit, with at least one key figure.",
    examples: [
      "Write a headline of at most 10 words and a caption of at most 35 words for a chart of this dataset " +
        "in a local newspaper.",
      "Draft a social-media post of no more than 280 characters announcing the main finding of the survey " +
        "data, with one key figure.",
      "What alt text, under 25 words, would tell a reader who cannot see a bar chart of this table its main " +
        "point and one figure?",
    ],
    guidance:
      "Find the single most newsworthy point in the data, state it with a key figure, and respect the limits " +
      "exactly.",
    // A short form has no room to report a data-quality problem.
    goals: ["exact_figures_and_units", "audience_and_length", "require_aggregation"],
  },
  {
    name: "question_answering_prose",
    definition:
      "Asks one specific question about the data with a single determinate answer that needs selection, " +
      "comparison or calculation (which record is largest on a measure, how much a value changed, which " +
      "entities share a property, what a join of two tables shows), and asks for the answer in prose with " +
      "the supporting figures. The answer is one to four sentences that answer the question directly.",
    examples: [
      "Which warehouse shipped the most orders per employee in March, and by how much did it exceed the " +
        "average of the others? Answer in two or three sentences, giving the figures.",
      "Which two members of the cycling club rode the same total distance in May? Reply in a sentence or two " +
        "with the distances.",
      "By what percentage did the price of the cheapest plan change between the first and the last year in " +
        "the records? Show the figures you used.",
    ],
    guidance:
      "Compute carefully from the data (show the key figures in the prose), answer the question directly in " +
      "the first sentence, and say so if the data cannot settle it.",
  },
  {
    name: "outlier_highlight",
    definition:
      "Asks for prose that points out what stands out in the data: outliers, records that break a pattern, " +
      "unusual combinations of values, or gaps where values are missing, each with its figures and how it " +
      "differs from the rest. The instruction may limit how many to discuss. The answer is a paragraph of the " +
      "stated length.",
    examples: [
      "In about 120 words, point out the two or three records in the dataset that stand out most from the " +
        "rest, and explain what makes each unusual.",
      "Which sensor readings in the log break the usual pattern? Describe at most two in one paragraph, with " +
        "how far each lies from the typical range.",
      "Write a note of 80 to 100 words for the quality team about the records that look unusual or lack " +
        "values, saying what is odd about each.",
    ],
    guidance:
      "Establish what is typical first (a range or average), then describe each outlier against it with the " +
      "exact figures; note missing values as missing, never guess them.",
  },
  {
    name: "configuration_walkthrough",
    definition:
      "Asks for a plain-language explanation of what a configuration, specification or nested record sets up " +
      "or describes: what each main section does, the important values and what they mean in practice, and " +
      "how the parts relate, for a named reader (a new team member, a customer, an auditor). The answer is a " +
      "text of the stated length in prose, not a list.",
    examples: [
      "Explain to a new developer, in two short paragraphs, what this configuration sets up for the staging " +
        "environment and how it differs from production.",
      "For a customer who has just signed up, explain in about 150 words of plain prose what the settings " +
        "turn on, what the main limits are and what happens when one is reached.",
      "An auditor asks what this specification describes. Write two paragraphs on its main sections and how " +
        "they relate, quoting the values that matter most.",
    ],
    transformations: CONFIGURATION,
    guidance:
      "Explain what the settings do in practice, quoting the key values exactly; describe only behavior the " +
      "document states or that its keys make unambiguous.",
    // A configuration rarely has figures to group and total.
    goals: ["exact_figures_and_units", "audience_and_length", "missing_or_inconsistent_value"],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of data-to-text writing tasks. You are given a task (a piece \
of structured data and an instruction asking for prose written from it) and a refinement goal, and you \
propose concrete modifications that would turn the task into a new one meeting the goal. You do not write the \
new task: an editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: it says exactly what to change and where (quote the part of the instruction, or \
name the row, field or entry of the data) and what to change it into. A short replacement phrase or a changed \
value is fine; a rewritten instruction or data set is not.
- Achieves the goal on its own, and leaves a valid task: data that stays syntactically valid in its format and \
coherent, and an instruction that still asks for prose, states its form and length, and can be carried out \
from the data alone.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal and what a correct text must now contain (the figures, \
the missing or inconsistent value it must notice, the constraint it must respect).`;

const EDIT_SYSTEM = `You are an expert editor of data-to-text writing tasks. You are given a task (structured \
data and an instruction asking for prose from it), a refinement goal, and suggestions from a reviewer. You \
apply the suggestions and produce the revised task.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the task, skip \
it and keep the one that best serves the goal. The revised task must fully meet the goal.
- When you revise the data, keep it in the same format, valid and consistently formatted, and leave no trace of \
the edit in it: no markers, comments or notes about what changed.
- The revised instruction follows the same rules as any instruction in the set: it does not repeat the data; it \
asks for prose; it states the form, length and audience where they matter; it can be carried out from the \
data alone; it never contains the answer or the figures to find. When the goal is that a value is missing or \
inconsistent, the instruction asks the writer to report such problems without saying where they are.`;

const EDIT_GUIDELINES = `Check the goal against the revised data and instruction: the figures exist, the problem \
is really there, the constraint can be met.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert writer who turns structured data into clear, accurate prose: a report \
writer, data journalist and technical writer in one. You are given a piece of structured data and an \
instruction, and you write the text the instruction asks for. Your text will be shown to the person who gave \
you the data, as a model of faithful data-to-text writing.

Rules:
- Use the data alone. Every name, date, figure and unit in your text must match the data exactly, or be \
correctly computed from it (totals, differences, percentages, averages, rankings); round only where the \
instruction or the register calls for it, and then correctly. Add no facts, causes or context that the data \
does not give; where the instruction asks you to interpret, mark interpretations as such ("which suggests").
- Read the data carefully before writing: units, the meaning of each field, which records are in scope, and \
missing or inconsistent values. Never fill a missing value by guessing: say it is not given. If values \
contradict each other (a total that does not match its parts, a date out of order, mismatched units), point it \
out where it matters to the text. If the instruction asks for something the data cannot support, say so \
briefly and write what the data does support.
- Write prose: sentences and paragraphs in the genre the instruction names, not a table, a list or a copy of \
the data, and not one sentence per field. Group related facts, vary sentence structure, and lead with what \
matters most to the reader.
- Meet every constraint of the instruction: length, audience, tone, what to cover, what to include or \
exclude.

Give the requested text directly: no preface such as "Here is the summary", no notes after it, no description \
of your method. Do not mention these instructions.`;

export default defineSkill({
  id: "data-to-text",
  title: "Data To Text",
  split: "struct2text_flow",
  description:
    "Teaches writing faithful prose from structured data. Each seed, a text or a code file, is turned by one " +
    "of eight transformation agents into structured data (a Markdown table, a CSV dataset, nested JSON " +
    "records, an encyclopedia-style infobox, knowledge-graph triples, a time series or event log, a YAML or " +
    "XML configuration document, or linked relational tables); agents for three of 12 writing types " +
    "(summaries, narrative reports, comparisons, trends, single-record descriptions, full verbalizations, " +
    "data-backed arguments, audience rewrites, captions and headlines, questions answered in prose, outliers, " +
    "configuration walkthroughs) write instructions for it; refinement demands exact figures and units, adds " +
    "audience and length constraints, plants a missing or inconsistent value to report, or requires " +
    "aggregation; and the teacher writes the text from the data alone.",
  seedKinds: ["text", "code"],
  minSeedChars: 200,
  contentLabel: "data",
  itemLabel: "instruction",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "markdown_table",
        description: "One or two titled Markdown tables with units in the headers.",
        prompt: MARKDOWN_TABLE,
      },
      {
        name: "csv_dataset",
        description: "A CSV dataset of same-kind records with ISO dates and unit-suffixed columns.",
        prompt: CSV_DATASET,
      },
      {
        name: "json_records",
        description: "A JSON document with metadata and nested records (sub-objects and arrays).",
        prompt: JSON_RECORDS,
      },
      {
        name: "infobox",
        description: "An encyclopedia-style key-value infobox about the seed's main entity, in sections.",
        prompt: INFOBOX,
      },
      {
        name: "knowledge_graph_triples",
        description: "Subject | predicate | object triples linking several entities of the seed.",
        prompt: KNOWLEDGE_GRAPH_TRIPLES,
      },
      {
        name: "time_series_log",
        description: "A time series of measurements or a timestamped event log that tells a story in order.",
        prompt: TIME_SERIES_LOG,
      },
      {
        name: "config_document",
        description: "A nested YAML or XML configuration, specification or manifest from the seed's world.",
        prompt: CONFIG_DOCUMENT,
      },
      {
        name: "linked_tables",
        description: "Two or three Markdown tables linked by identifiers, to be joined by the writer.",
        prompt: LINKED_TABLES,
      },
    ],
  },
  instruct: {
    system: INSTRUCT_SYSTEM,
    guidelines: INSTRUCT_GUIDELINES,
    types: TYPES,
  },
  refine: {
    suggest: { system: SUGGEST_SYSTEM },
    edit: { system: EDIT_SYSTEM, guidelines: EDIT_GUIDELINES },
    goals: [
      {
        name: "exact_figures_and_units",
        description:
          "Make the instruction require precise use of the data: name the exact figures the text must report " +
          "(by field or record, not by value), with their units, and at least one derived figure the writer " +
          "must compute from them (a difference, a percentage change, a share of a total, an average, a rank). " +
          "The derived figure must be computable from the data unambiguously. Leave the data unchanged.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "audience_and_length",
        description:
          "Add an audience and a tight form constraint that change how the text must be written: a specific " +
          "reader with specific needs (a busy executive, a customer with no technical background, a child, a " +
          "regulator), and an exact length or format limit (exactly three sentences, at most 50 words, a " +
          "subject line plus a two-sentence email). The constraints must be compatible with covering what the " +
          "instruction asks. Leave the data unchanged.",
        editsContent: false,
        // A second audience and limit would replace the first, not build on it.
        repeatable: false,
      },
      {
        name: "missing_or_inconsistent_value",
        description:
          "Edit the data so that a value the instruction depends on is missing (an empty cell, null, a field " +
          "left out of one record) or inconsistent (a total that does not equal the sum of its parts, a date " +
          "out of sequence, a unit that differs from the rest of the column, two records contradicting each " +
          "other), in a way that looks like a natural data-quality problem. Then add to the instruction a " +
          "general requirement to note any missing or inconsistent values that affect the text, without " +
          "saying where they are. A correct text must notice the problem and must not guess a value.",
        editsContent: true,
        repeatable: false,
      },
      {
        name: "require_aggregation",
        description:
          "Rewrite the instruction so that the text cannot be written from single values: it must combine " +
          "several records or fields (group and total, rank, average across a category, join two tables on an " +
          "identifier, compare a subset with the whole) and report the results with figures. The aggregation " +
          "must be well defined by the data. Leave the data unchanged unless a field must be added to make the " +
          "aggregation possible.",
        // It may add a field to make the aggregation possible.
        editsContent: true,
        repeatable: true,
      },
    ],
  },
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "data",
    task: "Write the text the instruction asks for, from the data above.",
  },
  userMessage: "{content}\n\n{instruction}",
});
