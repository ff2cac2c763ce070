// Fermi (split "fermi"): the AgentInstruct paper publishes only the skill's name (order-of-magnitude
// estimation) and its split. The seven transformation agents, the 12 estimation types, the four refinement
// goals and every prompt are ours. Questions are standalone: the seed only inspires their setting.
import { defineSkill } from "./define-skill.js";
import { IDENTITY_PROMPT, identityAgent } from "./shared-prompts.js";

// ---------------------------------------------------------------------------------------------------------
// Content transformation
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a content-transformation agent in a pipeline that builds Fermi problems: \
order-of-magnitude estimation questions such as "How many piano tuners work in Chicago?" or "How much water \
does a city of one million people use in a day?". You receive a source text, often extracted from a web page or \
a document, and turn it into notes of the kind the task names (an inventory of quantities, a scenario, a \
description of a system, a profile of a place or an industry...). Other agents will then write estimation \
questions set in the world your notes describe. Solvers will answer those questions without seeing your \
notes, from everyday knowledge and explicit assumptions; so your notes are a quarry of settings, objects, \
activities and quantities, not a text anyone will read.

Unless the task says otherwise:
- Look for what can be counted, measured, timed or priced: people, objects, vehicles, buildings, animals; \
lengths, areas, volumes and masses; durations, frequencies and rates; energy, power and fuel; money, prices, \
budgets and markets; flows of goods, data, water or traffic.
- Keep every quantity the source gives, with its unit and what it refers to, and never change it.
- Add the everyday reference magnitudes that an estimate in this setting would rest on (how big, how heavy, \
how many per person, how long, how much per unit), as rounded values or ranges that are widely known and \
safe to rely on, and mark them as typical values. Never attribute invented figures to real, named \
organizations or people.
- Make the material concrete: who or what is involved, where, at what scale, doing what, how often. Vague \
generalities give nothing to estimate.
- Write in the language of the source text.
- Leave out extraction debris (menus, cookie notices, ads, share buttons, link lists, boilerplate).
- Do not add hateful, sexual or dangerous content that the source does not contain, and nothing that would \
help someone estimate how to cause harm (quantities of weapons, toxins or explosives).

The notes are your whole answer, delivered in the output format given at the end of the task: no preface such \
as "Here are the notes", no closing remarks.`;

const QUANTITIES_INVENTORY = `Turn the source text below into an inventory of the quantities in its world.

Requirements:
- A first list, "Stated quantities": every number in the source with its unit and a short description of what \
it measures (for example "12,000 seats: capacity of the new stadium"). Include counts, sizes, prices, \
durations, rates, percentages and dates that matter for scale.
- A second list, "Implied quantities": eight to fifteen quantities the source does not state but that its \
subject clearly involves and that a person could estimate (how many workers, how much material, how much \
energy, how many trips, how much money per year...). For each, name the quantity and unit and the two or three \
factors it could be estimated from.
- A third list, "Typical reference values": six to twelve widely known rounded values relevant to this world \
(a car is about 4.5 m long; an adult drinks about 2 L of water a day; a standard shipping container holds \
about 33 cubic meters), given as values or ranges with units.
- Plain text lists with short headings. 250 to 600 words.`;

const SCENARIO = `Turn the source text below into a concrete scenario set in its world: a specific event, \
project, operation, journey or day in the life in which its subject plays out.

Requirements:
- Choose a scenario with physical and logistical scale: an event with many participants, a construction or \
production run, a delivery or migration, a festival, a campaign, a season of work, a mission. Set it in a \
definite place and time span.
- Describe what happens in concrete terms: how many people or things, which objects and materials, which \
vehicles or machines, what each does, how long things take, what is consumed, produced, moved or spent. Use \
the source's quantities, and give other details as plausible round figures or leave them as the unknowns a \
question could target.
- Make at least six different "how much / how many / how long" questions natural to ask about the scenario, \
without writing the questions.
- Narrative prose in two to five paragraphs, with fictional people and organizations. 300 to 600 words.`;

const SYSTEM_PROCESS = `Turn the source text below into a description of a system or process that its subject \
involves: a supply chain, an industrial process, a biological or geological process, a piece of \
infrastructure, a machine, a software service, a logistics network, an administrative procedure.

Requirements:
- Name the system and its boundary: what goes in, what comes out, over what period.
- Describe its stages or components in order, and for each: what it does, its capacity or rate, how long it \
takes, what it consumes (energy, materials, labor, money) and what it loses or wastes. Use the source's \
figures; give typical values as rounded figures or ranges marked as typical; leave some quantities open for \
estimation.
- Point out the bottleneck or the dominant cost, and how the whole scales (per person, per unit, per day, per \
year).
- Plain text: a short overview paragraph, then numbered stages. 300 to 650 words.`;

const PLACE_AND_POPULATION = `Turn the source text below into a profile of a place connected to its subject, \
with the facts about size and population that estimation questions build on.

Requirements:
- Choose the place the source is about or one where its subject happens: a city, region, country, campus, \
hospital, stadium, airport, farm, forest, reef, office building, ship. If the source names a real place, keep \
the source's facts about it and add only widely known round figures (population, area); otherwise describe a \
realistic fictional or generic place of that kind.
- Cover: area and dimensions; population (residents, workers, visitors, animals) and how it splits by age, \
role or time of day; buildings, vehicles, equipment and infrastructure; daily and yearly activity (trips, \
meals, deliveries, visits, waste, water and energy use).
- Give figures as round values or ranges with units, marked as typical where they are not from the source, and \
leave some quantities as open unknowns.
- Plain text with short headings. 300 to 600 words.`;

const INDUSTRY_MARKET = `Turn the source text below into a profile of the industry or market its subject \
belongs to.

Requirements:
- Name the industry and its scope (which products or services, which region). If the source concerns a \
specific company or product, use it as the example and place it in its market.
- Cover: the products or services and their prices per unit; who buys them, how many customers and how often \
they buy; how they are made or delivered, by how many workers or firms; the main costs and inputs; the supply \
chain from raw material to customer; and how the market has grown.
- Keep the source's figures exactly. Give other figures as round typical values or ranges, marked as such, \
never as the reported numbers of real, named companies. Leave some quantities as open unknowns (total market \
size, number of units sold a year) that an estimate could reach from the others.
- Plain text with short headings. 300 to 650 words.`;

const OBJECTS_AND_MATERIALS = `Turn the source text below into a catalog of the physical objects and materials \
its subject involves.

Requirements:
- Eight to fifteen entries, each an object, product, organism, structure or material that appears in or is \
implied by the source (for example a grain of rice, a shipping pallet, a wind-turbine blade, a textbook, a \
blue whale, a lithium-ion cell).
- For each entry: typical dimensions, volume or area, mass, what it is made of, its lifetime or how often it \
is used or replaced, roughly how many exist or are used in a stated setting, and its typical price where \
relevant. Give rounded values or ranges with units, keeping the source's figures where it gives them.
- End with three to five pairings that invite "how many of X fit in Y" or "how does X compare with Y" \
estimates, without answering them.
- Plain text: one short paragraph or line group per entry. 300 to 600 words.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert writer of Fermi problems, the order-of-magnitude estimation \
questions used in physics olympiads, consulting interviews and quantitative-reasoning courses. You write \
estimation questions inspired by a set of notes, all of one question type.

How the questions will be used: a solver sees only one of your questions, never the notes, and answers it by \
breaking it into factors, stating assumptions and multiplying through, with everyday knowledge and no lookup. \
Therefore each question must:
- Be standalone: never refer to "the notes", "the text", "the scenario above" or to anything the question does \
not itself state. Set the scene in the question: name the place, objects, people and period involved. If the \
question is built on a fictional setting from the notes, describe that setting in one or two sentences inside \
the question.
- Define exactly what is to be estimated, with its boundaries and its unit: which region, which period, what \
counts (for example "per year", "in the continental United States", "including only commercial flights").
- Need a genuine estimate: it cannot be answered by recalling one well-known number (the population of France, \
the height of Everest), but it can be reached from two to five factors that an educated person can reasonably \
estimate or that the question gives.
- Give only the data a solver could not be expected to estimate (a specific capacity or rate from the notes, a \
fictional setting's size); leave the rest to the solver's assumptions. At most two given figures.
- Have a meaningful order of magnitude: a well-reasoned estimate should land within a factor of ten of reality.
- Be about quantities, not about harm: nothing that estimates how to injure people or make weapons, toxins \
or explosives.
- Ask for the estimate; it may also ask for the reasoning, a range or the unit, but never contain the answer, \
the factors or hints about the assumptions.

Vary the phrasing ("Estimate...", "Roughly how many...", "About how much...", "To within an order of \
magnitude, ..."). Write no preface, numbering or commentary, and do not name the question type. Write in the \
language of the notes.`;

const INSTRUCT_GUIDELINES = `- Make the questions all different: each estimates a different quantity, and no two could \
share a chain of factors.
- Prefer questions whose estimate combines several factors from different domains (people, time, physical \
size, money) over single multiplications.
- A question may generalize from the notes' setting to a larger or typical one.
- Estimate each question yourself: it must need two to five factors, use at most two given figures, and land \
on a meaningful order of magnitude.
- The key of the expected outcome is that order-of-magnitude estimate as a number with its unit (for example \
"3 × 10^4 tonnes"); for a comparison, the approximate ratio and which quantity is larger; for a question in \
parts, the estimate of the final asked quantity.`;

// ---------------------------------------------------------------------------------------------------------
// Estimation taxonomy (ours)
// ---------------------------------------------------------------------------------------------------------

const TYPES = [
  {
    name: "count_estimation",
    definition:
      "Asks how many of a kind of inanimate thing exist or are in use in a defined place at a given time: " +
      "objects, devices, vehicles, buildings or facilities (gas stations, traffic lights, washing machines). " +
      "A good question is reached through a chain such as population, share that owns or needs the thing, " +
      "usage rate, and capacity of one unit. Counts of people or animals belong to population estimation, " +
      "counts of occurrences per period to event frequency. The answer is a count with an order of magnitude " +
      "and a range.",
    examples: [
      "Roughly how many gas stations are there in the United Kingdom? Explain your assumptions and give an " +
        "order-of-magnitude answer.",
      "About how many traffic lights are there in a city of 2 million people?",
      "To within a factor of ten, how many washing machines are in use in homes across Japan today?",
    ],
    guidance:
      "Build the count from demand and capacity (how many are needed for the use there is) or from density " +
      "(how many per person or per area), and cross-check with the other route if you can.",
  },
  {
    name: "volume_and_area",
    definition:
      "Asks for the volume or area of something too large or irregular to measure directly (all the water in " +
      "a lake, the roof area of a city's houses, the volume of a year's garbage, the paint on a bridge). The " +
      "solver approximates shapes by simple solids and scales up. The answer is a volume or area with units.",
    examples: [
      "Estimate the total area, in square kilometers, of all the parking spaces in a city of 1 million people.",
      "A town of 20,000 people gets 30 cm of snow overnight. About how many cubic meters of snow must be " +
        "cleared from its streets?",
      "Roughly how many square meters of glass cover the outside of a 40-storey office tower? State the shape " +
        "you assume.",
    ],
    guidance:
      "Approximate the objects by simple shapes (boxes, cylinders, rectangles), state their dimensions, and " +
      "watch unit conversions, especially squares and cubes of lengths.",
  },
  {
    name: "time_and_duration",
    definition:
      "Asks how long something would take or lasts: a task done by hand or by machine, a journey, a process " +
      "repeated many times, a resource running out, or the total time people spend on an activity. The " +
      "answer is a duration with a sensible unit (hours, days, years) and a range.",
    examples: [
      "If one person tried to count all the grains of rice in a 10 kg bag, one grain at a time without " +
        "breaks, about how long would it take?",
      "Walking eight hours a day, how many years would it take one person to walk along every street in " +
        "London once?",
      "Estimate the total number of hours the residents of a city of 500,000 spend waiting at red lights in " +
        "one week.",
    ],
    guidance:
      "Estimate the amount of work and the rate at which it is done, then divide; convert to the most " +
      "readable unit and say whether breaks or parallel work would change it.",
  },
  {
    name: "energy_and_power",
    definition:
      "Asks for energy consumed or produced, or the power needed, by a device, building, vehicle fleet, " +
      "process or population over a stated period (electricity for a data center, food energy for an army, " +
      "fuel for a fleet). The answer is in joules, kWh, watts or a fuel quantity, with a range.",
    examples: [
      "About how much electrical energy, in kWh, do all the refrigerators in Canada use in one year?",
      "What average electrical power, in megawatts, does a large city hospital draw on a winter day?",
      "The runners of a 30,000-person marathon all finish the race. Estimate the food energy they burned " +
        "between them, in kilocalories, with a low and a high figure.",
    ],
    guidance:
      "Keep power (W) and energy (J or kWh) distinct, multiply power by time with consistent units, and " +
      "compare the result with a familiar quantity (a household's yearly use, a power plant's output).",
  },
  {
    name: "cost_and_money",
    definition:
      "Asks for a sum of money: the cost of a project or habit, the yearly revenue of a business or market, a " +
      "budget, the value of a stock of goods, or the money spent by a population on something. The question " +
      "fixes the currency and period. The answer is an amount with currency and a range.",
    examples: [
      "Estimate how much money people in Germany spend on coffee bought in cafés in one year, in euros.",
      "Roughly how many US dollars does a primary school of 400 pupils spend on paper in one school year?",
      "To within an order of magnitude, what is the combined yearly revenue of all the hair salons in " +
        "Australia, in Australian dollars?",
    ],
    guidance:
      "Split the sum into number of buyers or units, frequency and price per unit; state the currency and " +
      "period, and round prices to typical values.",
  },
  {
    name: "rate_and_throughput",
    definition:
      "Asks for the capacity of one system, machine, facility or route: how many units it processes, carries " +
      "or produces per unit time (cars through a toll plaza per hour, parcels sorted per day by one hub, " +
      "liters per minute through a pipe), or the capacity needed to meet a stated demand. The solver works " +
      "from how the system operates (time per unit, batch size, number of lanes or servers), not from how " +
      "often something happens across a population. The answer is a rate with units.",
    examples: [
      "How many passengers per hour can a single escalator in a busy subway station carry at full use?",
      "A supermarket has 12 checkout lanes. About how many customers an hour can it serve at its busiest?",
      "Estimate how many letters per hour one automated mail-sorting machine handles, and explain the timing " +
        "you assume.",
    ],
    guidance:
      "Find the time per unit or the units per batch and the batch frequency; state any peak-versus-average " +
      "distinction the question implies.",
  },
  {
    name: "population_estimation",
    definition:
      "Asks for the number of people or animals in a group that no census reports directly: people with a " +
      "particular occupation, hobby or condition in a region (the classic 'piano tuners in Chicago'), people " +
      "in a place at a given moment, animals of a species in an area. The answer is a count with an order of " +
      "magnitude and a range.",
    examples: [
      "About how many people are in the air on commercial flights worldwide at any given moment?",
      "Roughly how many piano tuners work in Chicago? Show the chain of assumptions behind your figure.",
      "Estimate the number of pet dogs in a country of 60 million people, with a best guess and a range.",
    ],
    guidance:
      "Start from a population you know, narrow it by shares and rates, or build it from flows and durations " +
      "(arrivals per hour times time spent); state each fraction explicitly.",
  },
  {
    name: "mass_and_weight",
    definition:
      "Asks for a total mass: of all the objects of a kind in a place, of material used or wasted in a " +
      "period, of food eaten, of a large structure. The solver estimates count and unit mass, or volume and " +
      "density. The answer is a mass in kg or tonnes with a range.",
    examples: [
      "Estimate the total mass, in tonnes, of all the books in a large public university library.",
      "What do all the cars in a shopping-mall car park weigh together on a busy Saturday afternoon? Answer " +
        "in tonnes.",
      "About how many kilograms of bananas does a city of one million people eat in a week?",
    ],
    guidance:
      "Use count times unit mass, or volume times density; give densities relative to water when that " +
      "helps, and convert between kg and tonnes carefully.",
  },
  {
    name: "magnitude_comparison",
    definition:
      "Names two quantities of different kinds or scales and asks which is larger and by roughly what factor " +
      "(is the total length of a country's roads greater than the distance to the Moon?). Both must need " +
      "estimation, and the answer is not obvious without it. The answer names the larger quantity and the " +
      "approximate ratio.",
    examples: [
      "Which is greater: the number of heartbeats in an average human lifetime, or the number of seconds " +
        "since the pyramids of Giza were built? By roughly what factor?",
      "Do the people of New York City spend more time each day riding elevators or riding the subway, and " +
        "how many times more?",
      "If everyone in a city of one million laid the hair they grow in one day end to end, would it reach " +
        "farther than the distance from Paris to Rome? Estimate the ratio.",
    ],
    guidance:
      "Estimate both quantities separately in the same units, then give the ratio and say how robust the " +
      "comparison is to your uncertainties.",
    // A comparison already chains two estimates; a second stage after it has no single quantity to build on.
    goals: ["add_constraint", "sanity_check", "sensitivity_analysis"],
  },
  {
    name: "how_many_fit",
    definition:
      "Asks how many objects of one kind fit into a container, space or area of another (golf balls in a " +
      "school bus, people standing on a football field, phones in a shipping container). The solver estimates " +
      "both volumes or areas and a packing efficiency. The answer is a count with a range.",
    examples: [
      "How many tennis balls would fit inside a standard two-car garage, floor to ceiling?",
      "About how many people could stand shoulder to shoulder on a football pitch?",
      "Estimate how many boxed smartphones would fit in one 40-foot shipping container, and state the " +
        "packing you assume.",
    ],
    guidance:
      "Estimate the container's and the object's volume or area, divide, and correct for packing efficiency " +
      "(random packing of spheres fills about 60 to 65 percent of the space).",
  },
  {
    name: "distance_and_length",
    definition:
      "Asks for a length or distance that is the sum of many small ones or hard to measure directly: the " +
      "total distance a person walks in a lifetime, all the cables in a building laid end to end, the " +
      "distance a delivery fleet drives in a year. The answer is a length in suitable units with a range, " +
      "often compared with a familiar distance.",
    examples: [
      "If all the pencils made in one year worldwide were laid end to end, about how far would they reach?",
      "Roughly how many kilometers does a city bus drive over its whole working life?",
      "Estimate the total length of thread, in kilometers, in all the clothes one typical person owns.",
    ],
    guidance:
      "Multiply count by unit length or rate by time; express the result in a unit that makes sense and " +
      "compare it with a familiar distance (around the Earth is about 40,000 km).",
  },
  {
    name: "event_frequency",
    definition:
      "Asks how often something happens across a defined population, place or period, built from per-person " +
      "or per-area rates: births per day in a city, lightning strikes per year in a country, flat tires per " +
      "day on a highway network, times a word is spoken. Unlike rate and throughput, it is about scattered " +
      "occurrences, not the capacity of one system. The answer is a number of events per unit time with a " +
      "range.",
    examples: [
      "About how many birthday cakes are eaten in Brazil each day?",
      "Roughly how many times a day does someone in the United States lock themselves out of their home?",
      "Estimate how many lightning strikes hit the ground in France in a typical year. Give a low and a high " +
        "bound.",
    ],
    guidance:
      "Divide a yearly count by 365 or multiply a per-person rate by the population; say whether the rate is " +
      "steady or seasonal.",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of Fermi estimation problems. You are given a question \
(written from a set of notes that the solver never sees) and a refinement goal, and you propose concrete \
modifications that would turn the question into a new one meeting the goal. You do not write the new question: \
an editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: it says exactly what to add to or change in the question (quote the part \
concerned) and what to change it into. A short replacement phrase is fine; a full rewritten question is not.
- Achieves the goal on its own, and leaves a valid Fermi problem: standalone, with the quantity, its \
boundaries and its unit defined, not answerable by a single lookup, and estimable from everyday knowledge plus \
at most two given figures.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal and how the chain of estimation changes: which factors \
are added, dropped or changed, and roughly how the answer moves.`;

const SUGGEST_GUIDELINES = `The current answer is a worked estimate, not a reading of the notes: sketch the chain \
of factors a good solver would use and the rough result it gives, and make your suggestions act on that chain.`;

const EDIT_SYSTEM = `You are an expert editor of Fermi estimation problems. You are given a question (written \
from a set of notes that the solver never sees), a refinement goal, and suggestions from a reviewer. You apply \
the suggestions and produce the revised question.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the question, \
skip it and keep the one that best serves the goal. The revised question must fully meet the goal.
- The revised question follows the same rules as any question in the set: standalone (no reference to notes or \
anything it does not state), the quantity, boundaries and unit defined, a genuine estimate rather than a single \
lookup, at most two given figures apart from those the goal itself requires, no answer and no hints about the \
factors.
- Keep it one question a solver can answer in one worked estimate, even when it now has parts; number the parts \
if it has more than one.`;

const EDIT_GUIDELINES = `Sketch the worked estimate for the revised question and confirm that it now does what \
the goal asks. The key of the expected outcome is the revised question's order-of-magnitude estimate as a number \
with its unit (for a comparison, the approximate ratio and which quantity is larger; for a question in parts, the \
estimate of the final asked quantity).`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert at order-of-magnitude estimation, answering a Fermi problem. Your \
answer will be shown to the person who asked, as a model of how to estimate well.

Structure your answer:
1. What is being estimated: restate the quantity, its boundaries and the unit of the answer in one or two \
sentences, and outline the approach (the chain of factors).
2. Assumptions: a numbered list, one factor per line, each a round value with its unit and a short \
justification from everyday knowledge or a well-known reference value. Use figures the question gives exactly \
as given. Where a factor is uncertain, say what range you consider.
3. Calculation: combine the factors step by step, carrying the units at every step, in scientific notation \
or rounded figures (no false precision), and check that the units of the result match the question.
4. Sanity check: compare the result with an independent known quantity or a second route of estimation, and \
say whether it is plausible.
5. Result: the estimate rounded to one or two significant figures, its order of magnitude as a power of ten, \
and a plausible range (low to high) driven by the most uncertain assumption, which you name.

If the question asks for more (a comparison, several parts, a constraint), answer every part in the same way. \
When a calculator tool is available, use it for every multiplication, division or unit conversion and copy its \
results into your calculation; the answer must still show every step, since the reader has no calculator log. \
Do not claim the estimate is an exact or official figure, and do not refuse because exact data is unavailable: \
estimating is the task. End with one line starting with "Final answer:" that gives the estimate with its unit, \
the order of magnitude and the range, for example "Final answer: about 3 × 10^4 tonnes (order of magnitude \
10^4 tonnes; plausible range 1 × 10^4 to 1 × 10^5 tonnes)"; for a comparison, it names the larger quantity and \
the approximate ratio; for a question in parts, it gives the final asked quantity. Write directly to the person; \
do not mention these instructions.`;

export default defineSkill({
  id: "fermi",
  title: "Fermi Estimation",
  split: "fermi",
  description:
    "Teaches order-of-magnitude estimation: breaking a quantity into factors, stating explicit assumptions, " +
    "computing with units and giving an answer with its order of magnitude and range. Each seed is turned by " +
    "one of seven transformation agents into estimation-worthy notes (an inventory of quantities, a concrete " +
    "scenario, a system or process, a place and its population, an industry or market, a catalog of objects " +
    "and materials, or the seed itself); agents for three of 12 estimation types (counts, volumes and areas, " +
    "durations, energy, money, rates, populations, masses, comparisons, packing, distances, frequencies) " +
    "write standalone questions set in that world; refinement adds constraints that change the estimate, " +
    "sanity checks, chained estimates or sensitivity analysis; and the teacher answers with the full worked " +
    "estimate.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "notes",
  itemLabel: "question",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "quantities_inventory",
        description: "The seed's stated and implied quantities, with typical reference values for its world.",
        prompt: QUANTITIES_INVENTORY,
      },
      {
        name: "scenario",
        description: "A concrete event, project or operation in the seed's world, with physical and logistic scale.",
        prompt: SCENARIO,
      },
      {
        name: "system_process",
        description: "A system or process the seed involves, stage by stage, with rates, capacities and inputs.",
        prompt: SYSTEM_PROCESS,
      },
      {
        name: "place_and_population",
        description: "A profile of a place tied to the seed: area, population, infrastructure, daily activity.",
        prompt: PLACE_AND_POPULATION,
      },
      {
        name: "industry_market",
        description: "A profile of the seed's industry or market: products, prices, customers, supply chain.",
        prompt: INDUSTRY_MARKET,
      },
      {
        name: "objects_and_materials",
        description: "A catalog of the physical objects and materials the seed involves, with sizes and masses.",
        prompt: OBJECTS_AND_MATERIALS,
      },
      identityAgent(IDENTITY_PROMPT),
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
        name: "add_constraint",
        description:
          "Add one realistic constraint or condition that materially changes the estimate and forces the " +
          "solver to adjust a factor rather than reuse the obvious chain: restrict the population, period or " +
          "region (only during working hours, only adults, only in winter), add an efficiency, loss or " +
          "occupancy rate, change the scale (a city instead of a country), or add a physical limit (a " +
          "container's door size, a maximum speed). The constraint must be stated clearly in the question, " +
          "and the answer must move by at least a factor of two.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "sanity_check",
        description:
          "Require the solver, in the question itself, to check the estimate against an independent known " +
          "quantity or a second route of estimation (for example: 'then check your answer by estimating it " +
          "from the supply side', or 'compare your result with the yearly output of one large power plant'). " +
          "Name the check precisely so that it is a real, independent test of the main estimate, and keep the " +
          "main question unchanged.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "combine_estimates",
        description:
          "Turn the question into a two-stage estimate in which the result of the first estimate is an input " +
          "to the second: after the original quantity, ask for a further quantity that depends on it and on " +
          "at least one new factor (from the number of delivery trucks to the diesel they burn in a year; from " +
          "the volume of a lake to how long a city could drink from it). Number the two parts, and make the " +
          "final asked quantity the second.",
        editsContent: false,
        // The goal builds exactly two stages; a second application would contradict its own wording.
        repeatable: false,
      },
      {
        name: "sensitivity_analysis",
        description:
          "Require the solver to give not only a best estimate but low and high bounds, and to name which " +
          "assumption the result is most sensitive to and how much the estimate changes if that assumption " +
          "is off by a factor of two. Make the question specific about what is wanted (the bounds, the key " +
          "assumption, the effect of doubling or halving it), without suggesting which assumption it is.",
        editsContent: false,
        repeatable: false,
      },
    ],
  },
  // The calculator keeps the arithmetic exact; the answer itself still shows every step.
  respond: { system: RESPOND_SYSTEM, task: "Answer the estimation question above.", tools: ["calculator"] },
  // Fermi questions are standalone: the notes only inspired them, and the solver never sees them.
  verify: { numeric: { mode: "orders", within: 1 } },
  userMessage: "{instruction}",
});
