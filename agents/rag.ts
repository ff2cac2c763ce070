// Retrieval Augmented Generation (split "rag"): the AgentInstruct paper publishes only the skill's name and its
// split. The nine transformation agents (small knowledge bases of [Doc N] documents, with distractors), the 14
// question types, the five refinement goals, retrieval of further corpus passages and every prompt are ours.
import { defineSkill } from "./define-skill.js";

// Which knowledge bases suit which questions. Source chunks are the seed verbatim: no dates, versions or
// conflicts were added to them. Procedures live in documents written to be followed.
const ALL_GENERATED = [
  "wiki_articles",
  "faq_pages",
  "policy_handbook",
  "product_manual",
  "support_kb",
  "meeting_notes",
  "news_briefs",
  "mixed_search_results",
];
// Documents carrying dates or versions, where something is superseded: "latest" and "outdated" questions.
const DATED = ALL_GENERATED.filter((name) => name !== "wiki_articles");
const PROCEDURAL = ["policy_handbook", "product_manual", "support_kb", "faq_pages"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a content-transformation agent in a pipeline that builds retrieval-augmented \
question-answering exercises. You receive a source text, often extracted from a web page or a document, and turn \
it into a small knowledge base: several documents of the kind that the task names (encyclopedia articles, FAQ \
pages, handbook sections, support articles...), as a search system would retrieve them for questions on the \
subject. Other agents will then write questions to be answered from your documents alone (single facts, \
syntheses across documents, comparisons, conflicting or outdated information, procedures, calculations, and \
questions the documents cannot answer), and a student will answer them citing your documents by id.

Unless the task says otherwise:
- Format: every document begins on a new line with its id in square brackets, "[Doc 1]", "[Doc 2]" and so on, \
numbered from 1 without gaps, followed on the same line by its title. The next line gives its metadata as the \
genre has it: document type, author or owning team, and a date (published, last updated, effective) or a \
version. Then the body. Leave one blank line between documents. Write "[Doc" nowhere else: documents refer to \
each other only by title, as real documents do.
- Ground the documents in the source: its facts, names, numbers and dates are spread across them, accurately. \
Add the consistent detail a real knowledge base would hold; facts about real people and organizations come from \
the source only, and illustrative additions go on fictional entities or stay generic.
- Spread the information: no document holds everything. Some questions should need one document, others two or \
more: a rule in one document and its exception in another, figures for different years or groups in different \
documents, a term defined in one and used in another.
- Overlap and tension: documents repeat some facts, and at least once two documents give different values or \
accounts of the same thing (an updated figure, a revised rule, a correction, another source's count), with \
dates, versions or authority that let a careful reader tell which is current, or that honestly leave it open.
- Leave natural gaps: matters a reader would expect to find that no document covers. Never point them out.
- Each document is self-contained and reads as a real document of its genre; never mention "the source".
- Write in the language of the source text. Leave out extraction debris (menus, cookie notices, ads, share \
buttons, link lists, boilerplate).
- Do not add hateful, sexual or dangerous content that the source does not contain.

The documents are your whole answer, delivered in the output format given at the end of the task: no preface \
such as "Here is the knowledge base", no closing remarks, no notes on where the conflicts or gaps are.`;

const WIKI_ARTICLES = `Turn the source text below into a set of encyclopedia-style articles, as in a wiki.

Requirements:
- 3 to 5 articles: one main article on the source's subject (a lead paragraph, then two or three sections with \
headings) and shorter articles on related entities, concepts, places, people or events it involves.
- 120 to 400 words each; neutral, encyclopedic tone; the metadata line gives "Encyclopedia article" and a \
last-edited date.
- The articles overlap as linked wiki articles do: the main article summarizes what the others detail, and \
the others give facts the main article leaves out.
- One article is older and marked as possibly out of date, and gives an earlier figure or status for something \
that another article states more recently.`;

const FAQ_PAGES = `Turn the source text below into the frequently-asked-questions pages of an organization, \
service or program connected to its subject.

Requirements:
- 3 to 5 documents, each an FAQ page for one area (general, eligibility or access, costs and payment, how-to, \
troubleshooting...), with 3 to 6 question-and-answer entries of one to four sentences each.
- The metadata line gives "FAQ", the owning team and a last-updated date.
- Answers hold concrete facts from the source: amounts, limits, deadlines, conditions, steps, contacts \
(fictional, on example.com). Some answers point to another page by its title for details.
- One document is an archived FAQ page with an older date whose answer on one point differs from the current \
pages.`;

const POLICY_HANDBOOK = `Turn the source text below into sections of a policy handbook or rulebook of an \
organization whose rules concern its subject (an employer, a school, an agency, an association, a platform).

Requirements:
- 4 to 6 documents, each a numbered section ("Section 3.2 Eligibility") with the handbook's name, the owning \
office and an effective date in its metadata line.
- Cover a definitions section, rules with concrete amounts, limits and deadlines, exceptions that qualify rules \
stated in other sections, and a procedure (how to apply, report or appeal) with numbered steps.
- One document is an amendment memo, effective later than the handbook, that changes one rule; the section it \
amends still states the old rule.
- Formal, precise language; ground every rule in the source's facts, figures and constraints.`;

const PRODUCT_MANUAL = `Turn the source text below into sections of the manual and technical documentation of \
a product, device, tool or system related to its subject.

Requirements:
- If the source is not about a product, document one its subject naturally involves (equipment, software, a \
kit, an installation, a service platform).
- 4 to 6 documents, with the product's name, model or version, and a date in each metadata line: technical \
specifications (plain-text list or table with units), setup or installation (numbered steps, prerequisites), \
operation, maintenance (with a schedule or intervals), troubleshooting (symptom, cause, fix), safety warnings.
- One document is release notes or an errata sheet for a newer version that changes one specification or step \
given elsewhere.
- Keep the source's facts and figures accurate and its safety information intact; do not invent risky \
procedures (medical, electrical, chemical) that the source does not support.`;

const SUPPORT_KB = `Turn the source text below into articles of a customer-support knowledge base for a product \
or service connected to its subject.

Requirements:
- 4 to 6 articles, each with an article number (KB-1042), an "Applies to" product or version, and a \
last-updated date in its metadata line.
- Kinds: a how-to with numbered steps, a known issue with its symptoms and workaround, an explanation of an \
error message or status, limits and policies (quotas, fees, timelines), and an answer to a common question.
- One article applies to an older version and gives steps or limits that a newer article changes. One article \
concerns a similarly named but different product or feature, and shares keywords with the others.
- Concise, practical support-writing style; the source's facts become the product's features, limits and issues.`;

const MEETING_NOTES = `Turn the source text below into the notes of a series of meetings of a group that works \
on something the source concerns (a project team, a committee, a board, a research group).

Requirements:
- 3 to 5 documents, each the notes of one meeting, in date order, with the group, the date and the attendees \
(fictional names with roles) in the metadata line.
- Each has short sections for discussion, decisions and action items (owner and deadline). Use the source's \
facts and figures as what the group discusses.
- Later meetings revise earlier decisions at least twice (a budget changed, a date moved, an option dropped), \
referring to the earlier meeting only by its date.
- One meeting's notes are mostly about a different agenda item that shares some terms with the main subject.`;

const NEWS_BRIEFS = `Turn the source text below into short news briefs that report on its subject over time, \
from different outlets.

Requirements:
- 4 to 6 briefs, each with a headline as its title and a fictional outlet and a publication date in its \
metadata line; 80 to 220 words each, in news style, with attributed statements.
- They follow the story as it develops: first report, updates, reactions, outcome. A later brief updates or \
corrects a figure or fact that an earlier brief reported.
- One brief is an unrelated story that shares keywords with the others (the same name for a different place, \
organization or product).
- Keep the source's facts accurate; statements are attributed to fictional spokespeople unless the source \
attributes them to a real person.`;

const MIXED_SEARCH_RESULTS = `Turn the source text below into the documents a search engine over a mixed \
collection would return for a query about its subject.

Requirements:
- 5 to 7 documents of different genres (a report excerpt, an official web page, a blog post, a forum answer, a \
press release, a reference entry), each with its genre, a fictional author or site, and a date in its metadata \
line; 80 to 300 words each.
- Two or three are highly relevant and complement each other; one is partly relevant; one is an older version \
of a relevant document whose key figure or rule has since changed; one or two are off-topic though they share \
the subject's keywords (a homonym, the same term in another field, an entity with a similar name).
- Order them as a search engine might, not by relevance, and never label which ones are relevant.`;

const SOURCE_CHUNKS = `Split the source text below into passages, as a retrieval system chunks a document, and \
return them verbatim.

Requirements:
- 3 to 6 passages, cut at section or paragraph boundaries, each of roughly 80 to 400 words; together they hold \
the whole cleaned source, in order.
- Each begins on a new line with "[Doc N]", numbered from 1, followed on the same line by a title: the \
section's heading if it has one, otherwise a short descriptive title of at most eight words. Add no metadata \
line. One blank line between passages.
- Keep the source's wording, order and language exactly. The only changes allowed: remove extraction debris \
(menus, cookie notices, ads, share buttons, link lists, repeated headers and footers, stray markup) and repair \
extraction damage (words hyphenated across lines, lines broken mid-sentence). Do not summarize, correct, \
reorder, translate or add anything else, and do not add conflicts or dates.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert designer of evaluation questions for retrieval-augmented \
question-answering assistants. You write questions about one given set of knowledge-base documents, all of one \
question type.

How the questions will be used: an assistant is shown the documents, each opening with an id such as "[Doc 2]", \
then one of your questions, and must answer from the documents alone, citing them by id. Further retrieved \
documents may be appended to the set before the assistant sees it. Therefore each question must:
- Read as a real request from a user of a knowledge assistant (an employee, a customer, a student, an analyst) \
who knows what they need but not where it is written. Do not say which document holds the answer, do not state \
how many documents there are, and do not refer to ranges of ids; say "the documents" when you must refer to them. \
Only types that are about the documents themselves (relevance, comparison of two named documents) may name \
documents, by id or title.
- Not reproduce the documents. Short exact quotations are fine.
- Be self-contained: include everything the assistant needs besides the documents (the claim to check, the \
role to write for, the length limit).
- Have an answer the documents determine, as the type defines it, or, for types built on a gap, a gap that is \
clear. Never require facts from outside the documents; word meanings, arithmetic and everyday logic are fine.
- State the expected answer form when it matters (a number with its unit, numbered steps, a table, a word \
limit, a verdict). The assistant cites documents anyway: ask for citations only when the type prescribes a \
special format.
- Never contain or hint at its answer, and never reveal that the documents conflict or lack the answer.

Write no preface, numbering or commentary around the questions. Write in the language of the documents.`;

const INSTRUCT_GUIDELINES = `- Make the questions all different: each targets different facts, documents or \
relations, and no two could share an answer.
- Prefer questions that need careful reading (a qualifier, an exception in another document, a date that \
decides which figure is current, a near-miss fact in a distracting document) over ones answered by matching a \
single phrase.
- Find the exact passages that answer each question, or, for a type built on a gap, check that none does, \
restatements and figures it could be computed from included. Never invent document content: anything a \
question attributes to the documents must be there.`;

// ---------------------------------------------------------------------------------------------------------
// Question taxonomy
// ---------------------------------------------------------------------------------------------------------

// The refinement goals that fit a type. A question already built on a gap, a premise or a conflict takes no second
// one of the same kind; a summary has no single fact to remove or to presuppose.
const NO_GAP_OR_PREMISE = ["require_two_documents", "insert_contradiction", "add_distractor_document"];
const NO_PREMISE = ["require_two_documents", "insert_contradiction", "make_unanswerable", "add_distractor_document"];

const TYPES = [
  {
    name: "single_document_fact",
    definition:
      "Asks for one specific fact (a figure, date, name, condition, definition) stated in a single document, " +
      "where other documents hold near-miss facts (the same figure for another year, product or group). A " +
      "good question is precise enough that only one statement answers it. The answer form is a short answer " +
      "of a sentence or two, with its citation.",
    examples: [
      "What is the maximum weight for a checked bag on international flights before an overweight fee " +
        "applies? Answer in one sentence.",
      "Up to what age do children travel free on the ferry?",
      "Which room is this year's annual general meeting held in? A short answer is enough.",
    ],
    guidance:
      "Find the one statement that answers exactly what is asked, and pass over near-miss facts for another " +
      "year, product or group.",
  },
  {
    name: "multi_document_synthesis",
    definition:
      "Asks a question whose complete answer combines information from two or more documents: a rule and its " +
      "exception, a cause and its effect, parts of a profile or process spread across documents. No single " +
      "document answers it fully, and the answer is one combined account, not a side-by-side comparison. The " +
      "answer form is a short paragraph or list in which every claim is cited.",
    examples: [
      "Which employees are eligible for the remote-work stipend, and how much do they receive per year? " +
        "Answer in two or three sentences.",
      "What do I need to bring to register my bike for campus parking, and where do I go to do it?",
      "Why was the opening of the new swimming pool delayed, and what has the council done about it since? " +
        "Keep it to a short paragraph.",
    ],
    guidance: "Gather every piece the answer needs from all the documents, and cite each piece to its own document.",
  },
  {
    name: "cross_document_comparison",
    definition:
      "Asks to compare two or more things (products, plans, policies, periods, accounts of one event) that " +
      "are described in different documents, along dimensions the question names. The answer form is a " +
      "short comparison in prose or a table with one row per dimension, with citations in each row or sentence.",
    examples: [
      "Compare the Basic and Plus plans on monthly price, storage and support hours. Answer with a table, one " +
        "row per dimension.",
      "How do the weekday and weekend cleaning schedules differ in frequency, staff and areas covered?",
      "Contrast the documents titled 'Visitor Parking' and 'Staff Parking' on hours, cost and permits, in " +
        "three bullet points.",
    ],
    guidance: "Where a document gives no value for a dimension, say so in that cell rather than filling it in.",
    // The things compared already sit in different documents.
    goals: ["insert_contradiction", "make_unanswerable", "add_distractor_document", "false_premise"],
  },
  {
    name: "conflict_resolution",
    definition:
      "Asks a plain question on a matter where two documents disagree (a figure, date, rule or account), " +
      "without saying that they do and without asking about time or change. A good answer notices the " +
      "conflict, reports both versions with citations, and resolves it with evidence in the documents (a " +
      "later date, a newer version, a correction, the more official or specific source), or says that the " +
      "documents do not settle it. The answer form is a short answer that gives the resolved value and names " +
      "the conflict.",
    examples: [
      "How many days do customers have to return an opened item for a refund?",
      "How many seats does the new lecture hall have? One or two sentences, please.",
      "What is the minimum age to volunteer at the animal shelter? Give the age and a brief explanation.",
    ],
    transformations: ALL_GENERATED,
    guidance:
      "Name both versions with their citations, then say which one applies and on what basis in the " +
      "documents; if nothing in them decides it, say so.",
    // The conflict is already there.
    goals: ["require_two_documents", "make_unanswerable", "add_distractor_document", "false_premise"],
  },
  {
    name: "answer_with_citations",
    definition:
      "Asks a question that several statements answer and prescribes a strict, checkable attribution format: " +
      "each point on its own line followed by the id of its document and a short verbatim quotation from it, " +
      "or every sentence ending with its citation and a final line listing the documents used. The answer " +
      "form is the prescribed format.",
    examples: [
      "What precautions should be taken before cleaning the unit? List each precaution on its own line, " +
        "followed by the id of the document that states it and a short verbatim quotation from that document " +
        "in quotation marks.",
      "What reasons are given for closing the east entrance? Write each reason as one sentence ending with its " +
        "citation, then a final line 'Sources:' listing every document you used.",
      "Which payment methods are accepted for course fees? Use a bullet list in which every bullet ends with " +
        "the document id in brackets and a verbatim quotation of at most 15 words.",
    ],
    guidance: "Quotations must be verbatim from the cited document; do not quote text the document does not contain.",
  },
  {
    name: "unanswerable_question",
    definition:
      "Asks a natural, on-topic question that the documents do not answer, although they discuss closely " +
      "related matters (the fee for a different service, the rule for another year, the cause of an event " +
      "whose date they give). The expected response says plainly that the documents do not contain the answer, " +
      "gives the related information they do contain with citations, and does not guess.",
    examples: [
      "What is the late-payment fee for business accounts? Answer in one or two sentences.",
      "Who designed the festival's logo?",
      "How many hours does the battery last on a full charge with the heater on? Give the number.",
    ],
    guidance:
      "Say in your first sentence that the documents do not answer the question (unless one really does: then " +
      "answer from it, cited), then give the related information they do contain, cited. Never fill the gap " +
      "from your own knowledge.",
    // A gap cannot be spread over two documents or contradicted.
    goals: ["add_distractor_document", "false_premise"],
  },
  {
    name: "partial_answer",
    definition:
      "Asks a question with two to four parts, of which the documents answer some and not others. The expected " +
      "response answers each supported part with citations and names each part the documents do not cover, " +
      "without guessing it.",
    examples: [
      "When does the new clinic open, what are its opening hours, and does it accept walk-in patients?",
      "Who leads the recycling project, what is its budget, and when will the first report be published?",
      "Can I bring my dog to the campsite, is there a fee for it, and are there dog-friendly trails nearby? " +
        "Answer each part separately.",
    ],
    guidance: "Answer every part the documents support, cited, and name each part they do not cover.",
  },
  {
    name: "procedural_answer",
    definition:
      "Asks how to do something the documents describe, where steps, prerequisites, conditions or warnings may " +
      "be spread over more than one document (the steps in one, a required setting or a deadline in another). " +
      "The answer form is numbered steps in order, each cited, with prerequisites and warnings where they apply.",
    examples: [
      "How do I reset the thermostat to factory settings and pair it with the app again? Answer with numbered " +
        "steps.",
      "What are the steps to get a refund for a cancelled class, and is there a deadline?",
      "Walk me through replacing the water filter, including anything I should do before I start.",
    ],
    transformations: PROCEDURAL,
    guidance:
      "Give the steps in the order the documents prescribe, each cited; add prerequisites, conditions and " +
      "warnings from any document that states them, and do not add steps they do not give.",
  },
  {
    name: "numerical_aggregation",
    definition:
      "Asks for a number obtained by arithmetic over figures stated in one or more documents (a total, " +
      "difference, average, percentage change, or a count of items meeting a condition) that no document " +
      "states directly. The answer form is the number with its unit, after the figures used, each cited, and " +
      "the calculation.",
    examples: [
      "What was the combined attendance of the three spring festivals? Answer with a number and show how you " +
        "got it.",
      "By what percentage did spending on road repairs rise from the first year to the second? Show the " +
        "figures you used.",
      "How many of the listed workshops last longer than two hours?",
    ],
    guidance:
      "List each figure with its citation, check that the figures refer to the same thing, unit and period, " +
      "then show the calculation.",
  },
  {
    name: "temporal_reasoning",
    definition:
      "Asks explicitly about time: what is current, latest or earliest, when something changed, what it was " +
      "before, or how it evolved, where documents carry dates or versions and some information is superseded " +
      "(a revised deadline, a later figure, a decision reversed at a later meeting). The answer form is a " +
      "short answer naming the applicable date or version, with citations, and the earlier value when the " +
      "question asks what changed.",
    examples: [
      "What is the current deadline for submitting the final report, and when was it last changed?",
      "How has the monthly membership fee changed over the past two years? List each price with the date it " +
        "took effect.",
      "Which version of the booking form should I use now, and what did the previous one ask for that it no " +
        "longer does?",
    ],
    transformations: DATED,
    guidance:
      "Decide what is current from the dates and versions in the documents, not from today's date, and say " +
      "which document is superseded.",
  },
  {
    name: "role_based_summary",
    definition:
      "Asks for a summary of what the documents say that matters to a stated role or audience (a new " +
      "employee, a customer, an executive, a technician, a parent) for a stated purpose, within a word limit: " +
      "selecting what that reader needs and leaving out the rest. The answer form is a summary of the stated " +
      "length or bullet points, every claim cited.",
    examples: [
      "Summarize for a new warehouse employee what they need to know about shift scheduling and overtime, in " +
        "at most 120 words.",
      "My child starts at the after-school club next week. In five bullet points, what do I need to know about " +
        "pick-up times, fees and what to pack?",
      "Brief the finance director, in no more than 80 words, on what the documents say about the costs and " +
        "savings of moving to the new office.",
    ],
    guidance:
      "Select only what this reader needs for the stated purpose; keep to the length limit, citations included.",
    goals: NO_GAP_OR_PREMISE,
  },
  {
    name: "claim_verification",
    definition:
      "States a claim explicitly and asks whether the documents support it, contradict it, or do not give " +
      "enough information to decide. Good claims sit close to what the documents say: the right figure for " +
      "the wrong year, a rule stated more broadly than written, a true statement in other words. The answer " +
      "form is one of the three verdicts, then a justification of one or two sentences with citations.",
    examples: [
      "Claim: 'All full-time staff receive 25 days of paid leave from their first year.' Do the documents " +
        "support this claim, contradict it, or not give enough information? Start your answer with the verdict.",
      "A colleague told me visitors can park for free on Sundays. Is that right according to the documents: " +
        "supported, contradicted, or not enough information?",
      "Check this statement against the documents: 'The museum's new wing opened in spring and has since " +
        "doubled visitor numbers.' Verdict first, then one or two sentences of justification.",
    ],
    guidance:
      "A claim is supported only if the documents back every part of it; if one part is contradicted, it is " +
      "contradicted; if a part is simply not addressed, there is not enough information.",
    // The claim is stated, not presupposed: a false premise would only restate it.
    goals: NO_PREMISE,
  },
  {
    name: "false_premise",
    definition:
      "Asks a question that takes for granted something the documents contradict (a wrong date, figure or " +
      "name, a feature or rule that does not exist, events in the wrong order), as a user with a misconception " +
      "would, without asking whether it is true. The expected response corrects the premise, citing the " +
      "document that contradicts it, then answers what the corrected question allows.",
    examples: [
      "Since the library started charging for interlibrary loans in 2022, how much does each request cost?",
      "Now that the gym has closed its swimming pool, where can members swim instead?",
      "Why did the committee reject the proposal for a second car park at its March meeting?",
    ],
    guidance:
      "Say what the question wrongly takes for granted and correct it, citing the document that contradicts " +
      "it, then answer what the corrected question allows.",
    goals: NO_PREMISE,
  },
  {
    name: "relevance_triage",
    definition:
      "States an information need and asks which documents are relevant to it and what each relevant one " +
      "contributes, passing over documents that share keywords but not the subject, or that are outdated. The " +
      "answer form is the ids of the relevant documents, each with a one-sentence reason, then a note on any " +
      "document that looks relevant but is not.",
    examples: [
      "I need to find out how to appeal a parking fine issued on campus. Which of the documents are relevant, " +
        "and what does each contribute? List the relevant document ids with one sentence each.",
      "I'm comparing the energy use of two heating models. Which documents help with that? Give their ids " +
        "and what each adds, and point out any that look useful but are not.",
      "Which documents would help a new volunteer learn the rules for handling donations? One bullet per " +
        "relevant document: its id and what it covers.",
    ],
    guidance:
      "Consider every document, including any at the end of the set, and judge each by its subject, not by " +
      "shared keywords.",
    // The answer is a judgment on every document: a planted distractor is the one goal that sharpens it.
    goals: ["add_distractor_document"],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of evaluation items for retrieval-augmented question \
answering. You are given an item (a set of documents, each opening with an id such as "[Doc 2]", and a question \
to answer from them) and a refinement goal, and you propose concrete modifications that would turn the item \
into a new one meeting the goal. You do not write the new item: an editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: it names the document by id, quotes the sentence concerned (or the part of the \
question), and says what to change it into. A short replacement phrase is fine; a rewritten document or \
question is not. A suggestion to add a document describes its title, metadata and key content.
- Achieves the goal on its own, and leaves a valid item: realistic documents that keep their ids, genres and \
metadata, and a natural, self-contained question whose answer the documents determine (or, where the goal is a \
gap, clearly do not contain).
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal; its outcome gives the correct, cited answer after it: \
which documents it now draws on, or why none of them answers it any more.`;

const SUGGEST_GUIDELINES = `Look for restatements too: a fact the answer depends on may be repeated in another \
document, or computable from figures there, and a suggestion that removes or changes it must deal with every \
copy.`;

const EDIT_SYSTEM = `You are an expert editor of evaluation items for retrieval-augmented question answering. \
You are given an item (a set of documents, each opening with an id such as "[Doc 2]", and a question to answer \
from them), a refinement goal, and suggestions from a reviewer. You apply the suggestions and produce the \
revised item.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the item, skip \
it and keep the one that best serves the goal. The revised item must fully meet the goal.
- Keep every document's id, title line and metadata line unless the goal requires changing a date or version; \
never renumber documents. A new document goes at the end with the next id, in the same format. Write "[Doc" \
nowhere but at the start of a document.
- Edited documents stay realistic for their genre and show no trace of the edit: no markers, notes or comments.
- The revised question follows the same rules as any question: it reads as a real user's request, does not say \
which document holds the answer or how many documents there are, is self-contained, states its answer form, and \
never reveals its answer, a conflict or a gap.`;

const EDIT_GUIDELINES = `Answer the revised question from the revised documents alone, noting which document \
supports each part; where the goal leaves a gap, check that no document, restatement or computable figure \
fills it.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are a knowledge assistant that answers questions from a set of retrieved documents, \
as a model of grounded, honest answering. The user gives you the documents, each beginning with an id in \
square brackets such as [Doc 3], and a question or task about them.

Ground rules:
- Answer only from the documents. Do not add facts from your own knowledge, even well-known ones, and do not \
correct the documents from it. General knowledge may serve only for word meanings, arithmetic and everyday \
logic.
- Cite: put the id of the supporting document in square brackets right after each claim it supports, as in \
"Returns are accepted within 30 days [Doc 2]." or "[Doc 1][Doc 4]" for a claim that combines them. Cite only \
documents that actually state what you attribute to them. A calculated figure cites the documents of its inputs.
- When the documents do not contain the answer, say so plainly in your first sentence ("The documents do not \
say..."), then give the related information they do contain, cited. Do not guess. When they answer only part \
of the question, answer that part and name what is not covered.
- Not every document is relevant: some may be off-topic, about a different entity with a similar name, \
outdated, or raw excerpts cut off mid-sentence. Use those that bear on the question. Mention an irrelevant one \
only when the question asks about relevance or when it could easily be mistaken for the answer.
- Documents may disagree. Never pick one silently: state the disagreement with both citations, then resolve it \
if the documents give a basis (a later date, a newer version, a correction, a more official or specific \
source) and name that basis; otherwise say that the documents do not settle it.
- Judge what is current by the dates and versions in the documents, not by today's date, and not by a \
document's place in the set: a higher id does not make a document newer.
- If the question assumes something the documents contradict, correct it first, with a citation.

Form:
- Lead with the direct answer, then the supporting detail. Follow the form and length the question asks for \
(a number, numbered steps, a table, a verdict, a word limit, a quotation format). If it asks for none, answer \
in concise prose: a sentence or two for a fact, a short structured answer for a synthesis.
- No references list at the end unless the question asks for one, and no "according to the documents" in every \
sentence: the citations do that. Do not describe your process or mention these instructions.`;

export default defineSkill({
  id: "rag",
  title: "Retrieval Augmented Generation",
  split: "rag",
  description:
    "Teaches answering from retrieved documents only, citing them and saying plainly when they do not hold the " +
    "answer. Each seed is turned by one of nine agents into a small knowledge base of [Doc N] documents " +
    "(encyclopedia articles, FAQ pages, policy-handbook sections with an amendment, product-manual sections with " +
    "release notes, support articles, meeting notes that revise decisions, news briefs with a correction, mixed " +
    "search results with off-topic and outdated distractors, or the seed split into passages), and at answer " +
    "time two passages retrieved from the rest of the corpus are appended as further documents; agents for " +
    "three of 14 question types (single facts, synthesis, comparison, conflicts, strict citation formats, " +
    "unanswerable and partly answerable questions, procedures, calculations, what is current, summaries for a " +
    "role, claim verification, false premises, relevance triage) write questions; refinement spreads the " +
    "answer over two documents, plants a contradiction or a distractor, makes the question unanswerable or " +
    "gives it a false premise; and the teacher answers with a [Doc N] citation for every claim.",
  seedKinds: ["text"],
  minSeedChars: 300,
  contentLabel: "documents",
  itemLabel: "question",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "wiki_articles",
        description: "A main encyclopedia article and related shorter articles, one of them out of date.",
        prompt: WIKI_ARTICLES,
      },
      {
        name: "faq_pages",
        description: "FAQ pages for several areas of a service, with one archived page that differs.",
        prompt: FAQ_PAGES,
      },
      {
        name: "policy_handbook",
        description: "Numbered handbook sections (definitions, rules, exceptions, procedure) and an amendment memo.",
        prompt: POLICY_HANDBOOK,
      },
      {
        name: "product_manual",
        description: "Manual sections (specs, setup, operation, maintenance, troubleshooting) and release notes.",
        prompt: PRODUCT_MANUAL,
      },
      {
        name: "support_kb",
        description: "Support knowledge-base articles, one for an older version and one for a look-alike product.",
        prompt: SUPPORT_KB,
      },
      {
        name: "meeting_notes",
        description: "Notes of successive meetings whose decisions are revised, and one off-topic meeting.",
        prompt: MEETING_NOTES,
      },
      {
        name: "news_briefs",
        description: "Dated news briefs following a story, with a later correction and an unrelated homonym story.",
        prompt: NEWS_BRIEFS,
      },
      {
        name: "mixed_search_results",
        description: "Mixed-genre search results: relevant, partly relevant, outdated and off-topic documents.",
        prompt: MIXED_SEARCH_RESULTS,
      },
      {
        name: "source_chunks",
        description: "The seed itself, cleaned and split verbatim into titled passages, as a retriever chunks it.",
        prompt: SOURCE_CHUNKS,
        // Raw chunks carry no dates or conflicts and support fewer question types; we pick them less often.
        weight: 0.5,
      },
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
        name: "require_two_documents",
        description:
          "Edit the documents so that answering needs facts from at least two of them: move a piece the answer " +
          "depends on (a condition, an exception, a figure, a term's definition, the date that decides which " +
          "value is current) out of the document that holds it and into another one, or revise the question so " +
          "that it asks for something combining two documents. Afterwards no single document answers it alone.",
        editsContent: true,
        // Spreading the answer over a third document makes a harder item.
        repeatable: true,
      },
      {
        name: "insert_contradiction",
        description:
          "Edit one document so that it contradicts another on the fact the answer depends on (a different " +
          "figure, date, rule or outcome). Either give the documents a basis a careful reader can use to " +
          "resolve it (one is dated later, says it supersedes or corrects the other, or is the official source) " +
          "or leave none, so that the correct answer reports both versions. Leave the question unchanged; the " +
          "correct answer must name the conflict.",
        editsContent: true,
        repeatable: false,
        outcome: "changes",
      },
      {
        name: "make_unanswerable",
        description:
          "Edit the documents so that the question can no longer be answered from them, while they stay on " +
          "topic and the question still looks answerable: remove or blur exactly the information needed, " +
          "including restatements in other documents and figures it could be computed from, and keep the " +
          "related information around it. Leave no trace of the edit, and leave the question unchanged unless " +
          "its wording gives the gap away. The correct answer then says the documents do not contain it.",
        editsContent: true,
        repeatable: false,
        outcome: "unanswerable",
      },
      {
        name: "add_distractor_document",
        description:
          "Add one document at the end, with the next id, that is tempting but wrong for this question: about a " +
          "different entity with a similar name, an earlier superseded version of the relevant document (with " +
          "an older date), or the same matter for another place, product or period. It shares the question's " +
          "keywords, is realistic in format, and would lead to a wrong answer if used. Leave the other documents " +
          "and the question unchanged; the correct answer stays grounded in the original documents.",
        editsContent: true,
        // A second distractor of another kind (a homonym after a superseded version) makes a harder item.
        repeatable: true,
      },
      {
        name: "false_premise",
        description:
          "Revise the question so that it takes for granted something the documents contradict (a wrong date, " +
          "figure or name, a feature or rule that does not exist, events in the wrong order), as a user with a " +
          "misconception would ask it, keeping what it asks for otherwise. Leave the documents unchanged. The " +
          "correct answer corrects the premise with a citation, then answers what can be answered.",
        editsContent: false,
        repeatable: false,
        outcome: "changes",
      },
    ],
  },
  // Two passages from elsewhere in the corpus, found by the question, join the documents as [Doc N] entries:
  // real retrieval noise the answer must use or pass over.
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "documents",
    task: "Answer the question from the documents above, citing them.",
    retrieve: 2,
  },
  userMessage: "{content}\n\n{instruction}",
});
