// Open Domain Question Answering (split "open_domain_qa"): the paper publishes only the skill's name and that
// easy and hard variants exist. The knowledge-preparation agents, the 14 question types (easy factoid recall to
// hard multi-hop, false-premise and counterfactual questions), the refinement goals and every prompt are ours.

import { defineSkill } from "./define-skill.js";
import { identityAgent, identityPrompt } from "./shared-prompts.js";

// Which preparations a question type can use. Chronology and arithmetic over dates and figures need notes that
// keep dates and quantities; a glossary of concepts or a causal map rarely does.
const DATED = ["fact_sheet", "timeline", "entity_network", "comparison_table", "identity"];
const QUANTIFIED = ["fact_sheet", "timeline", "comparison_table", "entity_network", "identity"];
// Questions about mechanisms and principles need notes that explain how things work.
const EXPLANATORY = ["concept_glossary", "cause_effect_map", "claims_and_misconceptions", "fact_sheet", "identity"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation: knowledge the questions are drawn from
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a knowledge-preparation agent in a pipeline that builds open-domain \
question-answering exercises. You receive a source text, often extracted from a web page or a document, and \
prepare notes, in the form the task names, on the knowledge the source touches: its subject and the people, \
places, works, events, concepts and mechanisms around it. Other agents will draw general-knowledge questions \
from your notes, from easy factoid questions to hard multi-step ones. A student answers those questions from its \
own knowledge, without ever seeing your notes or the source: your notes are a map of what is worth asking and \
what the correct answers are, not a text to be read.

Unless the task says otherwise:
- Start from the source and widen to the well-established knowledge around it: facts documented in \
encyclopedias, textbooks and standard references, that a well-read expert in the field would know. The source's \
subject, entities and concepts are your starting points, not your limits.
- Leave out what only this source says: private individuals, the details of a small business or a local event \
of no lasting note, one author's opinions, prices, unverifiable claims. If the source itself is obscure (a \
personal blog post, a product page, a forum thread), move to the broader topic it belongs to: a post about a \
backyard tomato harvest leads to tomato botany, the plant's history and its common diseases.
- Prefer stable knowledge over facts that change (current office-holders, latest records, populations, \
rankings). When you give such a fact, anchor it in time ("in the 2010 census").
- Be accurate. Include only facts you are confident of, at the precision you are sure of ("in the early 1960s" \
rather than a guessed exact date). If the source contradicts well-established knowledge, follow the established \
knowledge; you may record the source's claim as a misconception, labeled as such.
- Write each fact so that it stands on its own: full names, the field or place when a name is ambiguous, units \
with every number.
- Write in the language of the source text.
- Do not add hateful, sexual or dangerous content. On dangerous subjects (weapons, drugs, attacks) keep to \
history, policy, safety and general science, never operational detail.

The notes are your whole answer, delivered in the output format given at the end of the task: no preface such \
as "Here are the notes", no closing remarks, no comments about the source or about what you left out.`;

const FACT_SHEET = `Prepare a fact sheet on the subject of the source text below and on two to four entities \
closely tied to it (a person, a place, an organization, a work, a discovery, a species...).

Requirements:
- One section per entity, headed by its full name and what kind of thing it is.
- Under each heading, bullet points of single, checkable facts: what it is, when and where it originated or \
happened, who was involved, key figures and measurements, what it is known for, what it led to or is part of.
- Favor facts that link the entities to each other (the same person, place, date or cause appearing in two \
sections), so that questions can combine them.
- Eight to fifteen bullets per section; 250 to 600 words in all.`;

const TIMELINE = `Prepare a timeline of the events related to the subject of the source text below: its origins, \
turning points, discoveries, works, conflicts, reforms and consequences, from the earliest relevant event to the \
most recent well-established one.

Requirements:
- Ten to twenty entries in chronological order. Each entry: the date at the precision you are sure of (a year, a \
decade, a century), the event stated in one sentence with the people and places involved, and a short note on \
its significance.
- Where one event caused, enabled or answered another, say so in the later entry ("in response to the 1918 \
outbreak...").
- Cover a wide span and include several events whose order is not obvious, so that questions can ask which came \
first or how much time passed between them.
- Plain text, one entry per line. 250 to 600 words.`;

const CONCEPT_GLOSSARY = `Prepare a glossary of the key concepts of the field that the source text below belongs \
to: the terms, principles, processes, units, laws or methods a student of that field must know to understand the \
source.

Requirements:
- Eight to fifteen entries. Each entry: the term (with its field if the word has other meanings), a precise \
definition in one or two sentences, one concrete example, and its relations to other entries: what it is a kind \
of, what it contrasts with or is often confused with, what causes or measures it.
- Include the foundational concepts the source takes for granted, not only those it names.
- Where a concept has a well-known discoverer, date or standard value, give it.
- Order the entries from the most basic to the most advanced. 300 to 650 words.`;

const CLAIMS_AND_MISCONCEPTIONS = `Prepare a list of question-worthy claims about the subject of the source text \
below: statements a knowledgeable person would be able to verify, and the popular misconceptions that surround \
them.

Requirements:
- Twelve to eighteen entries, each a single statement followed by its justification in one or two sentences (the \
evidence, the mechanism, or the authoritative source that settles it).
- About a third of the entries are common misconceptions, wrong dates, wrong attributions or confusions between \
similar things, each labeled "Misconception:" and followed by "Correction:" with the established fact.
- Choose claims that are settled, not matters of ongoing debate or opinion. Prefer claims that are surprising, \
that connect two facts, or that people often get wrong.
- Plain text, one entry per paragraph. 300 to 650 words.`;

const CAUSE_EFFECT_MAP = `Prepare a map of the causes, effects and mechanisms related to the subject of the \
source text below: why things happen or happened the way they do, and what follows from them.

Requirements:
- Six to twelve links, each written as "cause -> effect", followed by the mechanism in one to three sentences and \
the conditions under which the effect does not occur, where relevant.
- Include at least two chains of two or three links, where the effect of one link is the cause of the next, and \
mark each chain with a short title.
- Use established science, history or economics: a link must reflect the consensus explanation, not a \
speculation. Where the explanation is disputed, leave the link out.
- Plain text. 300 to 650 words.`;

const ENTITY_NETWORK = `Prepare a network of the entities connected to the subject of the source text below \
(people, places, organizations, works, inventions, events, species, objects) and the documented relations \
between them.

Requirements:
- Eight to fourteen entities, each with a one-line identification (full name, what it is, dates).
- Then fifteen to thirty relation statements, each a single sentence linking two entities with a specific \
relation and, where known, a date or place: "X founded Y in 1903", "Z was born in the city where Y is based", \
"W wrote the novel on which the film V is based".
- Make it a network, not a star: most entities take part in at least two relations, and several paths of two or \
three relations connect entities that have no direct link, so that questions can chain facts through a bridge \
entity.
- Only documented relations. Plain text, grouped by entity. 300 to 650 words.`;

const COMPARISON_TABLE = `Prepare a comparison of three to five entities of the same kind that the subject of \
the source text below belongs to or touches (countries, chemical elements, species, planets, languages, works \
of one genre, historical periods, technologies, programming languages...).

Requirements:
- First, one line naming the kind of thing compared and why these entities belong together.
- Then a plain-text table or one block per entity, giving the same five to eight attributes for each: \
well-documented dates, measurements, counts, origins, properties or classifications, with units.
- Then three to five notable contrasts or similarities stated in one sentence each ("A is older than B by about \
two centuries", "only C lacks...").
- Choose attributes whose values differ clearly between the entities; avoid near-ties and values that change \
from year to year. 250 to 550 words.`;

const IDENTITY = identityPrompt({
  purpose: "Question writers will widen from it to the general knowledge it touches.",
});

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert writer of general-knowledge questions, experienced with quiz bowl, \
trivia, TriviaQA, Natural Questions, HotpotQA, StrategyQA and science-olympiad items. You are given knowledge \
notes on a subject, and you write questions of one question type that test knowledge related to it.

How the questions will be used: a student sees only your question, never the notes or the source they came \
from, and must answer from its own knowledge. Therefore each question must:
- Stand alone. Never refer to "the notes", "the passage", "the text", "the article" or "according to the \
source". Name every entity in full (full names; the field, country or period when a name is ambiguous: "the \
planet Mercury", "the 1848 revolutions in France").
- Ask about well-established knowledge that a well-read person, or a strong general-knowledge model, could \
answer: facts documented in standard references. Avoid details only the notes or the source contain, facts that \
change over time (current office-holders, latest records, prices), and facts whose answer depends on when the \
question is asked, unless the question fixes the date.
- Have one correct answer, or, for explanation types, a core answer on which experts agree. No matters of \
opinion or taste, and no disputed facts unless the type asks for the dispute to be addressed.
- Be accurate in everything it asserts or presupposes. Only false-premise questions may presuppose something \
false, and only deliberately.
- Never contain or hint at its answer: no explanation, no leading phrasing.
- State the expected answer form when it is not obvious ("Answer with a year.", "Explain in two or three \
sentences.", "Answer yes or no and explain.").

Vary the wording and the openings: not every question starts with "What". Do not name the question type or \
its difficulty, and write no preface, numbering or commentary around the questions. Write in the language of the \
notes.`;

const INSTRUCT_GUIDELINES = `- The questions must all be different: each targets a different fact, entity, \
concept or relation, and no two could share an answer or an explanation.
- Use the notes as a map, not as a fence: a question may reach well-established knowledge adjacent to the notes \
(a related person, a neighboring concept), provided you are certain of the facts it rests on.
- Be sure of each answer: it is correct and no other answer fits. Leave out any question whose answer you are not \
sure of.
- Check that each question stands alone, asks about well-established knowledge, has one correct answer, is \
accurate in what it presupposes, states its answer form where needed and does not reveal its answer.`;

// ---------------------------------------------------------------------------------------------------------
// Question taxonomy, from easy recall to hard multi-step reasoning
// ---------------------------------------------------------------------------------------------------------

// Goals that do not fit every type. A second trap would muddle a question whose point is already its premise,
// its ambiguity or its hypothetical change, and quiz-bowl clues must all be true; a comparison does not fit a
// clue set or one of those traps either. (A scenario names no entity a hop could replace: see its own list.)
const NO_FALSE_PREMISE_OR_COMPARISON = ["multi_hop", "add_reasoning_step"];

const TYPES = [
  // Easy: recall of one fact or one definition.
  {
    name: "factoid_recall",
    definition:
      "Easy. A single-fact question (who, what, when, where, which, how many) with one short, unambiguous " +
      "answer: a name, a date, a place, a number or a term. It is specific enough that only one answer fits " +
      "(the year a treaty was signed, not 'when' a decades-long process happened). The answer form is a " +
      "word, name, date or number, optionally with one sentence of context.",
    examples: [
      "Which physicist first measured the charge of the electron with an oil-drop experiment?",
      "In what year did the Titanic sink? Answer with the year.",
      "Name the mountain range that separates the Iberian Peninsula from the rest of continental Europe.",
    ],
  },
  {
    name: "definition_explanation",
    definition:
      "Easy. Asks what a concept, term, object or process is. A good question names the concept precisely, " +
      "with its field if the term has other meanings, and may ask for one example or one distinguishing " +
      "feature. The answer form is two to four sentences.",
    examples: [
      "What is an allele in genetics? Explain in two or three sentences and give one example.",
      "In cooking, what does it mean to emulsify a sauce?",
      "Define opportunity cost as economists use the term, and say in a sentence how it differs from the " +
        "price paid.",
    ],
  },
  {
    name: "enumeration",
    definition:
      "Easy to medium. Asks the student to name the members of a small, well-defined set (the noble gases, " +
      "the organs of the digestive tract in order), or a stated number of members of a larger one ('name " +
      "three...'), where every acceptable item can be checked. Open-ended or disputed sets are avoided. The " +
      "answer form is a list, in a stated order when order matters.",
    examples: [
      "Name the four inner planets of the Solar System, in order of their distance from the Sun.",
      "Name any three of the countries that share a border with Switzerland.",
      "List the three primary colours of light used in screens.",
    ],
  },
  // Medium: recall combined with explanation, comparison, ordering or one calculation.
  {
    name: "explanation_why_how",
    definition:
      "Medium. Asks why something happens or happened, or how something works, in the world as it is, where " +
      "the answer is an established mechanism or set of causes, not an opinion. A good question targets one " +
      "specific phenomenon, and its answer needs two to four linked steps. The answer form is a short " +
      "paragraph.",
    examples: [
      "Why does the same side of the Moon always face the Earth? Explain in a short paragraph.",
      "How does a refrigerator move heat out of its interior?",
      "What made bread rise in loaves baked before commercial yeast existed? A few sentences are enough.",
    ],
    transformations: EXPLANATORY,
  },
  {
    name: "comparison",
    definition:
      "Medium. HotpotQA-style comparison: asks which of two or three named entities of the same kind has " +
      "more or less of a stated measurable or documented attribute (size, mass, length, a melting point, a " +
      "count, a population at a stated date), or how they differ in a stated respect. Answering needs a " +
      "recalled fact about each entity; the values must be well documented and not near-ties. Ordering by " +
      "date belongs to chronology. The answer form is the entity's name with the facts that decide it, or " +
      "two to four sentences for a 'how do they differ' question.",
    examples: [
      "Which metal has the higher melting point, tungsten or iron? Give both approximate values in degrees " +
        "Celsius.",
      "Of the Nile, the Amazon and the Yangtze, which carries the largest volume of water to the sea?",
      "How do alligators and crocodiles differ in the shape of the snout? Two or three sentences.",
    ],
  },
  {
    name: "chronology",
    definition:
      "Medium. Asks the student to put three to five named events, inventions, works or lives in " +
      "chronological order, or to say which of two or more came first, where the dates are well documented " +
      "and far enough apart to be known. The answer form is the ordered list, or the earliest one, with " +
      "approximate dates.",
    examples: [
      "Put these events in chronological order: Columbus's first voyage to the Americas, Gutenberg's first " +
        "printed Bible, the fall of Constantinople to the Ottomans. Give an approximate year for each.",
      "Which came first, the invention of the telephone or the end of the American Civil War?",
      "Order these from earliest to latest and date each to the decade: the first powered flight, the first " +
        "human in space, the oldest surviving photograph taken with a camera.",
    ],
    transformations: DATED,
  },
  {
    name: "quantitative_reasoning",
    definition:
      "Medium. Needs one or two arithmetic steps over well-known, stable quantities or dates that the " +
      "question names without giving their values: an elapsed time, a difference, a ratio, a unit " +
      "conversion, an age at an event. The answer form is a number with its unit, together with the values " +
      "used.",
    examples: [
      "How many years passed between the signing of the United States Declaration of Independence and the " +
        "storming of the Bastille? Show the two years you used.",
      "Roughly how many times longer is a marathon than the length of an Olympic swimming pool? Round to " +
        "the nearest hundred.",
      "How old was Wolfgang Amadeus Mozart when he died, to the year?",
    ],
    transformations: QUANTIFIED,
  },
  {
    name: "clue_identification",
    definition:
      "Medium. Quiz-bowl style: three or four true clues, ordered from the most obscure to the most familiar, " +
      "that together fit exactly one entity (a person, place, work, element, species, event), which the " +
      "student must name. No single clue gives the name away, and the full set excludes every other " +
      "candidate. The answer form is the entity's name, with a sentence on how the clues fit.",
    examples: [
      "This element was discovered in 1811 in the ash of burnt seaweed. Its name comes from the Greek word " +
        "for 'violet', the color of its vapor. A lack of it in the diet can cause goiter. Name the element.",
      "In 1603 this city became the seat of a shogunate. Much of it was destroyed by an earthquake in 1923. " +
        "Until 1868 it was called Edo. Which city is it?",
      "This mammal can sleep up to 20 hours a day. Its diet is almost only eucalyptus leaves. Despite a " +
        "common name, it is a marsupial and not a bear. What animal is described?",
    ],
    goals: NO_FALSE_PREMISE_OR_COMPARISON,
  },
  // Hard: several facts chained, implicit steps, traps, ambiguity, principles applied to new cases.
  {
    name: "multi_hop_bridge",
    definition:
      "Hard. HotpotQA-style multi-hop question with a short answer (not yes or no): the answer needs two or " +
      "three facts chained through a bridge entity that the question does not name. A description ('the city " +
      "where X was born', 'the author of Y') must be resolved first, then the real question answered about " +
      "it. Every hop is well documented and leads to exactly one entity. The answer form is a short answer, " +
      "with the intermediate entities named.",
    examples: [
      "Which river flows through the city where the composer of the opera 'The Magic Flute' was born? Name " +
        "the composer and the city as well.",
      "In which US state was the first person to walk on the Moon born? Name the person first.",
      "What is the official language of the country whose capital is Ulaanbaatar?",
    ],
  },
  {
    name: "implicit_reasoning",
    definition:
      "Hard. StrategyQA-style yes/no question whose reasoning steps are implicit: answering it needs breaking " +
      "it into two or three factual sub-questions (dates, sizes, properties, locations) and combining their " +
      "answers. The question does not reveal the decomposition, and its answer is definite, not a matter of " +
      "interpretation. The answer form is yes or no, with the reasoning.",
    examples: [
      "Could Aristotle have read a book printed on a movable-type printing press? Answer yes or no and explain.",
      "Could a Tyrannosaurus rex ever have met a woolly mammoth?",
      "Did Cleopatra live closer in time to the first Moon landing than to the building of the Great Pyramid " +
        "of Giza? Yes or no, with your reasoning.",
    ],
  },
  {
    name: "false_premise",
    definition:
      "Hard. A question that rests on a plausible but false presupposition: a common misconception, a wrong " +
      "date, a wrong attribution, or a confusion between two similar entities. The false part is stated " +
      "casually, as background, not as the point of the question, and it is clearly false by well-documented " +
      "facts, not merely disputed. The correct response points out and corrects the premise, then answers " +
      "the question that remains, if any. The answer form is the correction followed by the answer.",
    examples: [
      "Why did Albert Einstein fail mathematics at school?",
      "How long did it take workers to build the Great Wall of China so that it could be seen from the Moon " +
        "with the naked eye?",
      "Why does the colour red make bulls charge?",
    ],
    guidance:
      "The question rests on a false premise. Say plainly at the start that the premise is false, give the " +
      "true facts, then answer the question that makes sense once the premise is corrected. Never answer as " +
      "if the premise were true.",
    goals: NO_FALSE_PREMISE_OR_COMPARISON,
  },
  {
    name: "ambiguous_question",
    definition:
      "Hard. An AmbigQA-style question with more than one reasonable reading (an ambiguous name, period, " +
      "measure or criterion), where each reading has a different, definite answer. The ambiguity is natural, " +
      "the kind real users create without noticing, not contrived. The answer form is the readings, each " +
      "with its answer.",
    examples: [
      "What is the largest desert in the world?",
      "Who was the first person to fly across the Atlantic Ocean?",
      "What is the capital of Bolivia?",
    ],
    guidance:
      "The question can reasonably be read in more than one way. Name each reading, answer each one, and " +
      "say which reading is most often meant, if one is.",
    goals: NO_FALSE_PREMISE_OR_COMPARISON,
  },
  {
    name: "counterfactual_reasoning",
    definition:
      "Hard. Asks what would happen, or would have happened, under a changed condition, where established " +
      "principles of physics, chemistry, biology, economics or well-understood historical dependencies " +
      "determine the core of the answer without speculation. The question states the change precisely. The " +
      "answer form is a reasoned paragraph that names the principle it relies on.",
    examples: [
      "If the Earth's axis had no tilt, how would the seasons at mid-latitudes differ from today's? Explain " +
        "the reason in a short paragraph.",
      "Suppose water became densest as a solid instead of as a liquid near 4 °C. What would happen to lakes " +
        "in a cold winter, and why?",
      "Had the Moon been twice as far from the Earth, how would ocean tides have changed? Name the law you " +
        "rely on.",
    ],
    transformations: EXPLANATORY,
    guidance:
      "Reason from established principles and name them. Separate what follows firmly from what is " +
      "uncertain, and do not present speculation as fact.",
    goals: NO_FALSE_PREMISE_OR_COMPARISON,
  },
  {
    name: "application_to_scenario",
    definition:
      "Hard. Describes a concrete, new situation in two to four sentences and asks the student to apply a " +
      "known principle, law, rule or method to it: predict an outcome, diagnose a cause, or choose between " +
      "options. The scenario gives every specific the answer needs, and the question does not name the " +
      "principle. The answer form is the answer with a short justification that names the principle.",
    examples: [
      "A plastic bottle is filled to the brim with water, tightly capped and left in a freezer overnight. " +
        "What is likely to happen to the bottle, and why?",
      "A cyclist on a hot day notices that her tyres, pumped hard in a cool garage that morning, now feel " +
        "even firmer. What explains this? Name the gas law involved.",
      "At a camp high in the mountains, pasta takes far longer to cook in boiling water than it does at home " +
        "by the sea. Why?",
    ],
    goals: ["add_reasoning_step", "require_comparison"],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of general-knowledge questions. You are given a question, its \
expected outcome, the knowledge notes it was drawn from, and a refinement goal, and you propose concrete \
modifications that would turn the question into a new, harder one meeting the goal. You do not write the new \
question: an editor will apply your suggestions.

Remember how the question is used: the student sees only the question, never the notes, and answers from its own \
knowledge.

A good suggestion:
- Is specific and actionable: it says exactly what to change in the question (quote the part concerned) and what \
to change it into, naming the entities, facts or figures involved. A short replacement phrase is fine; a \
rewritten question is not.
- Achieves the goal on its own, and leaves a valid question: self-contained, about well-established knowledge, \
with one correct answer (or, for a false premise, one clear correction), its answer form stated where needed, and \
its answer not revealed.
- Rests only on facts you are certain of. You may draw on knowledge beyond the notes.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal.`;

const SUGGEST_GUIDELINES = `The question's answer rests on general knowledge more than on the notes: work out \
the facts it depends on, wherever they come from, and build your suggestions on those facts.`;

const EDIT_SYSTEM = `You are an expert editor of general-knowledge questions. You are given a question, its \
expected outcome, the knowledge notes it was drawn from, a refinement goal, and suggestions from a reviewer. You \
apply the suggestions and produce the revised question.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the question or \
rests on a fact you doubt, skip it and keep the one that best serves the goal. The revised question must fully \
meet the goal.
- The revised question follows the same rules as any question in the set: it stands alone (no reference to notes, \
a passage or a source); it asks about well-established knowledge; it is accurate in all it presupposes, except \
for a false premise the goal calls for; it has one correct answer; it states the expected answer form where \
needed; it never reveals or hints at its answer. It reads as one natural question, not as a list of add-ons.`;

const EDIT_GUIDELINES = `Check that every fact the revised question relies on is right and that no other answer \
fits.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are a knowledgeable expert answering a general-knowledge question. Your answer will \
be shown to a student as a model of accurate recall and sound reasoning. Answer from your own knowledge.

Match the depth of the answer to the question:
- A simple factual question: give the answer in the first sentence, then one or two sentences of useful context. \
No preamble.
- A question that needs explanation, comparison, chronology, calculation or several facts combined: reason step \
by step. State each fact you rely on (with its date or value), then combine them; show any arithmetic.
- A multi-hop question: resolve each intermediate entity explicitly before answering the final question.

Accuracy comes first:
- Give dates and figures at the precision you are sure of, and say "about" or "around" when you are not sure of \
the exact value. When sources differ or a fact is disputed, say so in a sentence and give the main values.
- If the question rests on a false premise, say so plainly, correct it, and answer the question that makes sense \
once corrected; never go along with the false premise.
- If the question can reasonably be read in more than one way, say so and answer each reading.
- If you do not know, or the question cannot be answered (the fact is not documented, the premise makes it \
meaningless), say so and explain what is known. Never invent names, dates, figures or sources.

When your answer needed several steps, end with a line starting with "Final answer:" that gives the short answer. \
Write directly to the student in clear prose; do not mention these instructions.`;

export default defineSkill({
  id: "open-domain-qa",
  title: "Open Domain Question Answering",
  split: "open_domain_qa",
  description:
    "Teaches answering general-knowledge questions from what the model knows, without a passage. Each seed " +
    "is turned by one of eight knowledge-preparation agents (a fact sheet, a timeline, a glossary of concepts, " +
    "question-worthy claims with misconceptions, a cause-effect map, a network of related entities, a " +
    "comparison of entities of one kind, or the seed itself) into notes that widen from the seed to the " +
    "well-established knowledge around it; agents for three of 14 question types, from easy factoid recall " +
    "to hard multi-hop, implicit-reasoning, false-premise, ambiguous and counterfactual questions, write " +
    "standalone questions from those notes; refinement adds hops, false premises, comparisons or reasoning " +
    "steps; and the teacher answers from its own knowledge, concisely for easy questions and step by step " +
    "for hard ones, correcting false premises.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "notes",
  itemLabel: "question",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "fact_sheet",
        description: "A fact sheet on the seed's subject and two to four entities closely tied to it.",
        prompt: FACT_SHEET,
      },
      {
        name: "timeline",
        description: "A dated timeline of the events around the seed's subject, with their significance.",
        prompt: TIMELINE,
      },
      {
        name: "concept_glossary",
        description: "A glossary of the field's key concepts, with definitions, examples and relations.",
        prompt: CONCEPT_GLOSSARY,
      },
      {
        name: "claims_and_misconceptions",
        description: "Settled, question-worthy claims on the subject, with common misconceptions and corrections.",
        prompt: CLAIMS_AND_MISCONCEPTIONS,
      },
      {
        name: "cause_effect_map",
        description: "Causes, effects and mechanisms around the subject, including chains of several links.",
        prompt: CAUSE_EFFECT_MAP,
      },
      {
        name: "entity_network",
        description: "Entities tied to the subject and documented relations between them, for multi-hop chains.",
        prompt: ENTITY_NETWORK,
      },
      {
        name: "comparison_table",
        description: "Three to five entities of one kind compared on well-documented attributes.",
        prompt: COMPARISON_TABLE,
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
        name: "multi_hop",
        description:
          "Make answering the question need one more hop of well-documented knowledge. Replace a named " +
          "entity with a description that identifies it uniquely and must be resolved first ('the author " +
          "of...', 'the country whose capital is...', 'the element with atomic number...'), or make the asked " +
          "attribute depend on a second fact about another entity. Every hop must lead to exactly one entity, " +
          "and the question must still read naturally. The final answer may change.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "false_premise",
        description:
          "Rewrite the question so that it casually presupposes a plausible but false fact about its subject " +
          "(a common misconception, a wrong date or attribution, a confusion with a similar entity), stated " +
          "as background rather than as the point. The premise must be clearly false by well-documented facts, " +
          "not merely disputed. The correct response then becomes correcting the premise and answering the " +
          "question that remains.",
        editsContent: false,
        repeatable: false,
        outcome: "changes",
      },
      {
        name: "require_comparison",
        description:
          "Turn the question into a comparison: bring in a second (or third) entity of the same kind and ask " +
          "which has more, less, earlier or later of a specific attribute, or how they differ in a stated " +
          "respect, so that the answer needs well-documented facts about each. Choose entities whose values " +
          "differ clearly; avoid near-ties and values that change over time.",
        editsContent: false,
        // Once a comparison, a further entity only lengthens the question.
        repeatable: false,
      },
      {
        name: "add_reasoning_step",
        description:
          "Make the question need a reasoning or calculation step on top of recall: compute a duration, a " +
          "difference, a ratio, an age or a unit conversion from recalled facts; apply the recalled fact to a " +
          "concrete situation the question describes; or explain the mechanism behind it. The final answer " +
          "must stay definite, and the question must state the answer form.",
        editsContent: false,
        repeatable: true,
      },
    ],
  },
  respond: { system: RESPOND_SYSTEM, task: "Answer the question above." },
  userMessage: "{instruction}",
});
