// Text Extraction (split "text_extraction"): the AgentInstruct paper publishes only the skill's name and its
// split. The nine transformation agents (documents with extractable structure), the 12 extraction types, the
// four refinement goals and every prompt are ours.
import { defineSkill } from "./define-skill.js";
import { IDENTITY_PROMPT, identityAgent } from "./shared-prompts.js";

// Which documents carry which structure. Action items live in correspondence and minutes; quoted or reported
// speech in news, minutes and mail; contact blocks in documents that identify their parties.
const TASKS = ["email_thread", "meeting_minutes"];
const SPEECH = ["news_article", "meeting_minutes", "email_thread"];
const CONTACTS = ["email_thread", "invoice_receipt", "resume_bio", "form_record", "contract_clause", "product_listing"];
const OBLIGATIONS = ["contract_clause", "product_listing", "email_thread", "meeting_minutes", "form_record"];
const TABULAR = ["invoice_receipt", "product_listing", "form_record", "resume_bio", "meeting_minutes", "news_article"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a content-transformation agent in a pipeline that builds information-extraction \
exercises. You receive a source text, often extracted from a web page or a document, and recast it as a \
realistic document of the genre that the task names (an email thread, an invoice, a news article, a resume, \
meeting minutes, a contract...). Other agents will then write extraction instructions for your document \
(named entities, key-value fields into a JSON template, timelines, relations, tables, action items, \
figures, quotes, contact details, obligations), and students will extract that information from your \
document alone.

Unless the task says otherwise:
- Ground the document in the source: carry its people, organizations, places, products, dates, figures and \
events into the genre, keeping every fact accurate. Where the genre needs details the source lacks (an \
invoice number, a meeting date, a sender), invent realistic ones consistent with the source.
- Make it dense with extractable information: names with titles and roles, organizations, places, dates and \
times, amounts with currencies, quantities with units, identifiers (order, case, policy, invoice numbers), \
and explicit relations between them.
- Make it realistic, including the difficulties real documents have, used naturally and without excess: the \
same entity referred to in different ways (full name, surname, title, pronoun), dates in more than one format, \
a relative date with an anchor to resolve it ("next Friday" in a dated email), a value mentioned and later \
corrected, an entity mentioned but not in the role an extractor might expect, a detail left unstated.
- Protect privacy: private individuals are fictional; contact details are obviously fictional (addresses on \
example.com or example.org, phone numbers in the 555-01xx range or clearly dummy formats, no real street \
addresses of private persons). Real public figures and organizations appear only in the public roles and facts \
the source gives them.
- Follow the genre's real conventions of layout and wording, in plain text.
- Write in the language of the source text.
- Leave out extraction debris (menus, cookie notices, ads, share buttons, link lists, boilerplate).
- Do not add hateful, sexual or dangerous content that the source does not contain.

The document is your whole answer, delivered in the output format given at the end of the task: no preface \
such as "Here is the invoice", no closing remarks, no notes about what you invented.`;

const EMAIL_THREAD = `Recast the source text below as an email thread among people who work on, buy, report \
on, organize or are affected by its subject.

Requirements:
- Three to six emails, newest last, each with header lines (From with name and address, To, Cc where \
natural, Date with weekday, date and time, Subject with "Re:" or "Fwd:" as the thread goes), a body and a \
signature block (name, title, organization, phone) for at least two senders.
- The thread does real work: it arranges something, reports figures, negotiates, escalates a problem. It \
carries the source's facts and includes at least: a decision, two or three tasks assigned to named people \
with deadlines (one given as a relative date), a date or amount that is changed later in the thread, and a \
mention of an attachment or document by name.
- Include one person who is only cc'd or mentioned, not involved in the tasks.
- 350 to 750 words.`;

const INVOICE_RECEIPT = `Recast the source text below as a commercial document (an invoice, a receipt, a \
purchase order or a quotation, whichever fits) for goods or services connected to its subject.

Requirements:
- A seller block and a buyer block (organization or person, address, tax or customer number, contact email \
and phone), a document number, issue date and, where it applies, due date, order reference and payment terms.
- Four to ten line items in a plain-text table (description, SKU or code, quantity with unit, unit price, line \
total), grounded in the source's products, services or activities, then subtotal, a discount or fee, tax with \
its rate, shipping if any, and the total with its currency. The arithmetic must be correct.
- Payment details (method, a dummy account reference), and one or two notes (delivery date, warranty, late \
fee).
- If the source is not commercial, invent a plausible transaction it implies (supplies for an event it \
describes, services of an organization it names, tickets, a subscription, a repair).
- 200 to 450 words.`;

const NEWS_ARTICLE = `Recast the source text below as a news article reporting on its subject.

Requirements:
- A headline, a byline, a dateline (place and date), then five to nine paragraphs in news style: the main \
facts first, then background, reactions and what happens next.
- Name people with their titles and organizations on first mention and by surname afterwards; include several \
organizations and places, and specific dates and figures from the source.
- At least three direct quotations, each attributed to a named speaker with role, and at least one reported \
(indirect) statement. Quotations of real people only if the source attributes those words to them; otherwise \
use fictional spokespeople, residents or experts.
- Include at least one earlier event with its date, so the article holds a short timeline.
- 400 to 750 words.`;

const RESUME_BIO = `Recast the source text below as a resume (CV) or a professional biography of a person \
connected to its subject.

Requirements:
- The person: if the source is about a real public person, a professional biography using only facts the \
source gives about them, with no contact details. Otherwise, a fictional professional whose career involves \
the source's subject, in resume form.
- Resume form: name and headline, contact line (fictional email, phone and city), a short profile, work \
experience in reverse chronological order (employer, location, title, start and end month and year, two to \
four achievements with figures), education (degree, institution, year), skills, certifications, languages \
with levels, and selected projects or publications.
- Biography form: several paragraphs giving birth year and place where known, education, positions in order \
with years, works and achievements with dates, awards, and affiliations.
- Use date formats as real resumes do (mixed where natural: "Mar 2019 - present", "2015-2018").
- 300 to 600 words.`;

const MEETING_MINUTES = `Recast the source text below as the formal minutes of a meeting at which its subject \
is discussed and decided on.

Requirements:
- A plausible body (a committee, board, project team, council, club). Header: body name, meeting number or \
title, date, start time, location or call link, chair, minute-taker, attendees with roles, apologies.
- Numbered agenda items, each with a short summary of the discussion (who said what, with figures from the \
source), and, where reached, the decision or motion (moved by, seconded by, vote count, carried or defeated).
- An "Action items" list: four to seven tasks, each with the owner's name, the deadline and, where relevant, a \
dependency; plus at least one task assigned during the discussion but not repeated in the list.
- Close with the date, time and place of the next meeting and the time the meeting ended.
- 350 to 700 words.`;

const CONTRACT_CLAUSE = `Recast the source text below as an excerpt of a contract, terms of service, policy or \
regulation that governs an activity connected to its subject.

Requirements:
- A title, the parties (names, type of entity, addresses or registered offices, fictional unless the source \
names them as parties), the effective date, and a recitals paragraph stating the purpose.
- Six to ten numbered clauses, with sub-clauses where natural, including: definitions of two or three terms; \
obligations of each party in "shall" or "must" language; conditions ("if", "provided that", "unless"); \
deadlines and notice periods; amounts, fees, caps or penalties with currency; an exception; termination; \
and governing law.
- Clear, precise legal drafting, with cross-references between clauses ("subject to Clause 4.2").
- Keep the source's facts and figures wherever they fit the terms. This is a fictional excerpt for an \
exercise; do not present it as real legal advice.
- 400 to 800 words.`;

const PRODUCT_LISTING = `Recast the source text below as an online product or service listing connected to its \
subject (one product with variants, or two to four related products on one page).

Requirements:
- For each product: title, brand or maker, price with currency and any sale price with its end date, SKU or \
model number, rating and number of reviews, and availability.
- A specifications section in "name: value" lines with units (dimensions, weight, capacity, materials, power, \
compatibility), variants (sizes, colors) with their prices or stock where they differ, what is in the box.
- Shipping (cost, delivery window, regions), returns and warranty terms with periods and conditions, and a \
seller block with a contact email.
- Two to four short customer reviews with reviewer name, date, star rating and text, at least one of which \
mentions a figure that differs from the specifications.
- If the source is not about a product, list one its subject implies (a book about it, equipment, a course, \
tickets, a kit, a service).
- 300 to 600 words.`;

const FORM_RECORD = `Recast the source text below as a completed form or record connected to its subject: an \
application, registration, incident or inspection report, permit, claim, survey response, intake form or \
case file, whichever fits.

Requirements:
- A form title, a reference number, and the issuing organization.
- Labeled fields with their filled-in values, in sections (for example Applicant details, Details of the \
request, Incident description, Assessment, Declaration): names, dates, times, addresses, identifiers, \
amounts, checkboxes shown as [x] or [ ], and one or two fields left blank or marked "N/A".
- At least one free-text field of two to five sentences that contains further facts (dates, people, \
figures) not given in the labeled fields, and a signature line with name and date; an "office use only" \
section with a different date and a reviewer's name.
- Keep the source's facts; use fictional names for private individuals; nothing medical beyond what the \
source states, described neutrally.
- 250 to 550 words.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert designer of information-extraction tasks, the kind used to build and \
test document-processing systems (named-entity recognition, form and invoice parsing, relation extraction, \
meeting and contract analysis). You write extraction instructions for one given document, all of one \
extraction type.

How the instructions will be used: an extractor is shown the document and then one of your instructions, and \
must extract the requested information from the document alone. Therefore each instruction must:
- Not reproduce the document. The extractor already has it. Refer to it by what it is: "the email thread", \
"the invoice", "the article", "the minutes", "the contract", "the listing", "the form", "the text".
- Say exactly what to extract: the kinds of items or fields, their scope (all of them, or only those meeting a \
stated condition), and what counts (for example whether people only mentioned count, whether to include the \
sender's organization).
- Specify the output format completely: a JSON object or array with the exact keys written out in the \
instruction (and for each key the expected value type where it matters), a CSV with its header columns named, \
a Markdown table with its columns, or a bullet list with a stated pattern per line. Say how to order items.
- Say what to do with information the document does not state: null for JSON values, "not stated" for text \
formats, or an empty list. Include at least one requested field or item kind for which the document may lack \
the information, when that is natural.
- Say whether values are copied verbatim or normalized, and to what (ISO 8601 dates, 24-hour times, numbers \
without currency symbols plus a currency code, SI units).
- Be answerable from the document alone, with one correct output up to ordering and whitespace.
- Never contain the extracted values, a filled-in example of the output, or hints about them. A template may \
show keys with empty or placeholder values (null, "", or a type name), never document values.

Vary the framing (a request from a colleague, a step in a data pipeline, a form to fill). Write no preface, \
numbering or commentary around the instructions, and do not name the extraction type. Write in the language of \
the document; keep JSON keys in English snake_case.`;

const INSTRUCT_GUIDELINES = `- Make the instructions all different: each extracts a different set of information or \
with a different scope, and no two could share an output.
- Prefer instructions that need careful reading (resolving who "she" or "the supplier" is, telling a \
corrected value from the first one, excluding items outside the scope, resolving a relative date) over ones \
answered by copying one labeled field.
- Never ask for information of a kind the document clearly cannot contain.`;

// ---------------------------------------------------------------------------------------------------------
// Extraction taxonomy (ours)
// ---------------------------------------------------------------------------------------------------------

// nested_schema turns a flat table into nested records (another type); a quotation is copied verbatim, so there is
// little in it to normalize.
const NOT_NESTED = ["distractor_entity", "normalization", "unstated_fields"];
const NOT_NORMALIZED = ["distractor_entity", "nested_schema", "unstated_fields"];

const TYPES = [
  {
    name: "named_entities",
    definition:
      "Asks for all mentions of named entities of stated categories (people, organizations, locations, " +
      "dates, products, events, laws...), deduplicated so that each entity appears once under its fullest " +
      "name, with its category and optionally its role or the number of mentions. The answer is a JSON array " +
      "or grouped lists, as the instruction specifies.",
    examples: [
      "List every person, organization and location named in the article. Return a JSON object with the " +
        'keys "people", "organizations" and "locations", each an array of unique names written in full as ' +
        "they first appear; use an empty array for a category with no entries.",
      "Which companies and products does the email thread name? Give two bullet lists headed Companies and " +
        "Products, one name per line in order of first mention, each in its fullest form, and write none under " +
        "a heading that has no entries.",
      "Find the named entities in the form. Write one line per entity as name | category | mentions, where " +
        "category is person, organization, place or law and mentions counts every reference to it, surnames " +
        "and titles included. Sort by category, then alphabetically.",
    ],
    guidance:
      "Merge different mentions of the same entity (surname, title, pronoun) into one entry under its fullest " +
      "name, and include only the categories asked for.",
  },
  {
    name: "key_value_template",
    definition:
      "Gives a fixed set of fields about the document as a whole (an invoice's header, a form's fields, the " +
      "terms of a listing), written out as a JSON template with its keys (often nested one level), and asks " +
      "for the document's value for each field, with null where the document does not state it. There is one " +
      "filled object, not one record per entity. The answer is that JSON object with exactly the template's keys.",
    examples: [
      "Fill in the following fields from the invoice and return them as a JSON object with exactly these " +
        'keys: "invoice_number", "issue_date" (YYYY-MM-DD), "seller_name", "buyer_name", ' +
        '"total_amount" (number), "currency" (ISO code), "payment_due_date" (YYYY-MM-DD), ' +
        '"purchase_order_ref". Use null for any field the invoice does not state.',
      "Complete this template from the rental application, keeping its keys as they are: " +
        '{"applicant": {"full_name": null, "date_of_birth": null}, "property_address": null, ' +
        '"move_in_date": null, "monthly_rent": null, "pets_allowed": null}. Dates as YYYY-MM-DD, rent as a ' +
        "number, pets_allowed as a boolean; whatever the application does not say stays null.",
      'What does the listing say for "brand", "model_number", "weight_kg" (number), "warranty_months" ' +
        '(number), "ships_to" (array of regions) and "return_window_days" (number)? Answer with one JSON ' +
        "object holding exactly these keys in this order, null where the listing is silent.",
    ],
    guidance:
      "Return exactly the template's keys in its order, each with the document's value in the requested type " +
      "or format, and null where the document does not state it.",
  },
  {
    name: "timeline_events",
    definition:
      "Asks for the dated events in the document as a chronological timeline: each event with its date (and " +
      "time where given), a short description, and optionally the people involved. Relative dates are " +
      "resolved against the document's anchor dates when the instruction says so. The answer is a JSON array " +
      "or a list sorted by date.",
    examples: [
      "Extract every event in the email thread that has a date or a resolvable relative date, sorted from " +
        'earliest to latest. Return a JSON array of objects with the keys "date" (YYYY-MM-DD), "event" ' +
        '(at most 12 words) and "people_involved" (array of names). If an event\'s date was changed in the ' +
        "thread, use the final date.",
      "Build a chronology of the project from the minutes: a Markdown table with the columns Date, Time and " +
        'Event, earliest first. Times in 24-hour format; write "not stated" where no time is mentioned.',
      "Put the events of the biography in order as a bullet list, one per line in the pattern " +
        '"YYYY - event (place)", with "place unknown" where the text gives none. Only events with at least a ' +
        "year count.",
    ],
    guidance:
      "Resolve relative dates from the document's own dates, keep only the final value of a date that was " +
      "changed, and sort strictly by date.",
  },
  {
    name: "entity_relations",
    definition:
      "Asks for the relations between entities that the document states, of stated kinds (works for, " +
      "reports to, located in, acquired, supplies, is party to, authored), as subject-relation-object " +
      "triples or as records. Only relations the document states or makes unambiguous count. The answer is a " +
      "JSON array of triples or a CSV, as specified.",
    examples: [
      "Identify every employment relation in the minutes: who works for or represents which organization, and " +
        'in what role. Return a CSV with the header person,organization,role; write "not stated" for a role ' +
        "the minutes do not give.",
      "Which organizations does the article say supply, own or fund another organization? Give a JSON array of " +
        'triples [subject, relation, object], the relation being "supplies", "owns" or "funds", and an empty ' +
        "array if there are none.",
      "Set out how the parties to the contract are related to one another, one line per relation in the form " +
        "subject | relation | object, with each party named as the contract defines it. Leave out anything the " +
        "contract does not state outright.",
    ],
    guidance:
      "Include only relations the document states or makes unambiguous, with the entities named as in the " +
      "document; do not infer relations from proximity alone.",
  },
  {
    name: "table_extraction",
    definition:
      "Asks for repeated structured items in the document (line items, specifications, positions held, " +
      "agenda items, figures by year) as a flat table with named columns, one row per item in document order " +
      "and one value per cell, without nesting. The answer is a CSV or a Markdown table with exactly the " +
      "requested columns.",
    examples: [
      "Extract the line items of the purchase order into a CSV with the header " +
        "description,sku,quantity,unit,unit_price,line_total. Give numbers without currency symbols or " +
        "thousands separators, and leave a field empty if the order does not state it.",
      "Turn the specifications in the listing into a Markdown table with the columns Specification, Value and " +
        'Unit, in the order the listing gives them; put "not stated" in the Unit column when a value has no unit.',
      "Tabulate the agenda items of the minutes as CSV, header item_number,title,presenter,decision, in " +
        "agenda order. Where nothing was decided on an item, leave decision empty.",
    ],
    transformations: TABULAR,
    guidance:
      "One row per item in document order, exactly the requested columns, values copied or formatted as " +
      "instructed, empty or null cells where the document gives nothing.",
    goals: NOT_NESTED,
  },
  {
    name: "action_items",
    definition:
      "Asks for the tasks that were assigned or agreed in the document, each with its owner, deadline and " +
      "status or dependency where stated; tasks mentioned in discussion count as well as those in a formal " +
      "list. The answer is a JSON array or a bullet list with a fixed pattern.",
    examples: [
      "List all action items agreed in the email thread. Return a JSON array of objects with the keys " +
        '"task", "owner", "deadline" (YYYY-MM-DD, or null if none is given) and "depends_on" (the task it ' +
        "waits for, or null).",
      "What tasks were handed out at the meeting, including any assigned during the discussion? One bullet " +
        'per task in the form "Owner: task (due YYYY-MM-DD)", or "(due: not stated)" when no deadline was set.',
      "Compile the action items in the thread as a CSV with the header owner,task,deadline,status, where status " +
        "is open or done as the emails report it. Sort by deadline, tasks without one last with the field empty.",
    ],
    transformations: TASKS,
    guidance:
      "Collect tasks from the whole document, including ones assigned in passing, name the owner as the " +
      "document does, and resolve relative deadlines only from the document's dates.",
  },
  {
    name: "numerical_facts",
    definition:
      "Asks for the quantities in the document of stated kinds (amounts of money, measurements, counts, " +
      "percentages, durations), wherever they appear in it, each with its value, unit or currency, and what it " +
      "refers to; the task is to tie each number to what it measures. The answer is a JSON array or a table " +
      "with value, unit and description kept separate.",
    examples: [
      "Extract every monetary amount in the contract with what it is for. Return a JSON array of objects " +
        'with the keys "amount" (number), "currency" (ISO code), "purpose" (short phrase) and ' +
        '"clause" (the clause number where it appears).',
      "List each measurement the listing gives (dimensions, weights, capacities, power ratings) in a Markdown " +
        "table with the columns Quantity, Value, Unit and Refers to. Keep units as written, without converting.",
      'Pull out all the percentages and counts in the article as a JSON array: "value" (number), "unit" ' +
        '("percent" or "count"), "describes" (a few words) and "as_of" (the date the figure refers to, or null).',
    ],
    guidance:
      "Separate the number from its unit or currency, say exactly what each quantity measures, and do not " +
      "compute new figures unless the instruction asks for them.",
  },
  {
    name: "quotes_and_attributions",
    definition:
      "Asks for the statements attributed to people in the document (direct quotations, and reported speech " +
      "if the instruction says so), each with the speaker's name, role or organization, and whether it is " +
      "direct or reported. The answer is a JSON array or a list.",
    examples: [
      'Extract every direct quotation in the article. Return a JSON array of objects with the keys "quote" ' +
        '(the exact words, without quotation marks), "speaker", "speaker_role" (null if not given) and ' +
        '"paragraph" (its paragraph number, counting from 1).',
      "Who said what at the meeting? For each statement the minutes attribute to a named attendee, write one " +
        'line "Name (role): statement", adding [reported] at the end when it is not a direct quotation. Keep ' +
        "the order of the minutes.",
      "Collect the statements the emails attribute to people other than their senders, direct or reported, as " +
        'a CSV with the header speaker,organization,kind,statement (kind: direct or reported; "not stated" ' +
        "for an unknown organization).",
    ],
    transformations: SPEECH,
    guidance:
      "Copy direct quotations word for word and attribute each to the right speaker, resolving 'she said' to " +
      "a name; keep reported speech out unless the instruction asks for it.",
    goals: NOT_NORMALIZED,
  },
  {
    name: "contact_details",
    definition:
      "Asks for the contact information in the document (names, roles, organizations, email addresses, " +
      "phone numbers, postal addresses, websites), gathered from wherever the document gives it (headers, " +
      "signatures, letterheads, body text) and grouped by person or organization. The answer is a JSON array " +
      "of contact records, or a list or table, with the requested fields and a marker where a detail is missing.",
    examples: [
      "Build a contact list from the signatures and headers in the thread. Return a JSON array with one " +
        'object per person and the keys "name", "title", "organization", "email" and "phone"; use ' +
        "null for any detail not given, and list each person once.",
      "Gather the contact details of every organization on the invoice into a JSON array of objects with the " +
        'keys "organization", "address", "email", "phone" and "tax_id", null for a detail that is not given.',
      "From the form, list everyone named together with any way to reach them, one line per person as " +
        '"Name - role - phone - email", writing n/a for a missing detail. Start with the applicant.',
    ],
    transformations: CONTACTS,
    guidance:
      "Group details under the person or organization they belong to, list each once, and never complete a " +
      "missing detail from a pattern (such as guessing an email address).",
  },
  {
    name: "conditions_and_obligations",
    definition:
      "Asks for the obligations, rights, conditions, deadlines and penalties the document sets: who must or " +
      "may do what, by when, under which condition, with what consequence. The answer is a JSON array of " +
      "records or a table with party, obligation, condition, deadline and consequence kept separate.",
    examples: [
      "Extract each obligation the agreement places on the Supplier. Return a JSON array of objects with the " +
        'keys "obligation", "condition" (null if unconditional), "deadline" (null if none), ' +
        '"consequence_if_breached" (null if none is stated) and "clause".',
      "What may a customer do under the listing's returns and warranty terms, and on what conditions? Give a " +
        'Markdown table with the columns Right, Condition, Time limit and Section, writing "none" where no ' +
        "condition or limit applies.",
      "For each party to the lease excerpt, list what it must do and by when: a JSON object keyed by party " +
        'name, each value an array of objects with "obligation", "deadline" (or null) and "penalty" (or null).',
    ],
    transformations: OBLIGATIONS,
    guidance:
      "Distinguish obligations (shall, must) from permissions (may) and conditions (if, unless, provided " +
      "that), and attach each condition and deadline to the obligation it governs.",
  },
  {
    name: "record_list_extraction",
    definition:
      "Asks for one record per entity of a stated kind (each product, each position held, each attendee, " +
      "each item reviewed) with a fixed set of attributes, at least one of them nested (an array of variants, " +
      "an object for dates or prices). Unlike a table, the records keep the structure of the information; " +
      "contact details have their own type. The answer is a JSON array of objects with exactly the requested " +
      "structure.",
    examples: [
      'For each position in the resume, return a JSON array of objects with the keys "employer", ' +
        '"title", "location", "dates" (an object with "start" and "end" as YYYY-MM, end null if ' +
        'current) and "achievements" (an array of strings). Order the positions from most recent to oldest.',
      'Describe every product in the listing as a JSON object with "name", "price" (an object with "amount" ' +
        'as a number and "currency"), "variants" (an array of objects with "color" and "in_stock" as a ' +
        'boolean) and "rating" (a number, or null). Return them as an array in listing order.',
      "Give a record for each attendee of the meeting, in the order of the attendance list: a JSON array of " +
        'objects with "name", "role", "organization" (null if not stated) and "spoke_on" (an array of agenda ' +
        "item numbers, empty if none).",
    ],
    guidance:
      "One record per entity, exactly the requested keys and nesting, values from that entity's part of the " +
      "document only, null or an empty array where it gives nothing.",
  },
  {
    name: "filtered_extraction",
    definition:
      "Asks for only the items of a kind that meet a stated condition (payments over a threshold, events " +
      "after a date, people from one organization, products under a price, clauses that mention a deadline), " +
      "so that the extractor must check each candidate against the condition; the condition, not the kind " +
      "of item, is the point. The answer is in the stated format and may be empty.",
    examples: [
      "List only the products in the listing that cost less than 50 EUR after any discount and are in stock. " +
        'Return a JSON array of objects with the keys "name", "sku" and "final_price_eur" (number); ' +
        "return an empty array if none qualify.",
      "Which tasks in the minutes are owned by someone from the finance team and due before the next meeting? " +
        'Bullet lines "owner - task - deadline", or the single word none if no task qualifies.',
      "Extract only the line items of the invoice with a quantity above 10 units, as a CSV with the header " +
        "description,quantity,line_total. If none qualifies, return the header row alone.",
    ],
    guidance:
      "Check every candidate against the condition explicitly, using final or corrected values, and include " +
      "only those that meet it; an empty result is a valid answer.",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of information-extraction tasks. You are given a task (a \
document and an extraction instruction for it) and a refinement goal, and you propose concrete \
modifications that would turn the task into a new one meeting the goal. You do not write the new task: an \
editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: it says exactly what to change and where (quote the sentence or field of the \
document, or the part of the instruction concerned) and what to change it into. A short added sentence or a \
replacement phrase is fine; a rewritten document or instruction is not.
- Achieves the goal on its own, and leaves a valid task: a realistic document in its genre, and an instruction \
with a defined scope, a fully specified output format, a rule for unstated information, and one correct \
output.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal; its outcome says what the correct output becomes after \
it (which entries are added, excluded, normalized or nested, which fields become null).`;

const SUGGEST_GUIDELINES = `When a suggestion edits the document, say which other figures, dates or names must change \
with it so that the document stays consistent (a total that includes a changed line item, a later email that \
repeats a date).`;

const EDIT_SYSTEM = `You are an expert editor of information-extraction tasks. You are given a task (a document \
and an extraction instruction), a refinement goal, and suggestions from a reviewer. You apply the suggestions \
and produce the revised task.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the task, skip \
it and keep the one that best serves the goal. The revised task must fully meet the goal.
- When you revise the document, keep its genre, layout, voice and approximate length, keep it realistic and \
consistent (names, dates and totals still agree wherever they must), and leave no trace of the edit: no \
markers, no notes.
- The revised instruction follows the same rules as any instruction in the set: it does not repeat the \
document; it defines what to extract and its scope; it fully specifies the output format with its keys or \
columns; it says what to do with unstated information; it never contains the extracted values or hints about \
them. It has exactly one correct output from the revised document.`;

const EDIT_GUIDELINES = `Extract the answer yourself from the revised document, entry by entry, and check what \
the goal needs: a distractor is excluded by the instruction's scope, a field meant to be unstated is really \
absent (not even inferable), a normalized value is derivable from what the document writes.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert information-extraction system with the judgment of a careful analyst. \
You are given a document and an extraction instruction, and you return exactly the information requested, in \
exactly the requested format. Your output will be shown to the person who gave you the document, as a model \
of precise extraction.

Rules:
- Extract only what the document supports: what it states, or what follows unambiguously from it (a pronoun \
resolved to its person, a relative date resolved from a date the document gives, a total the instruction asks \
you to compute). Never use outside knowledge to add or complete a value, and never guess.
- When a requested value is not in the document, use exactly the convention the instruction sets (null, "not \
stated", an empty list). If it sets none, use null in JSON and "not stated" elsewhere.
- Respect the scope: include every item that qualifies and nothing that does not (people only cc'd or \
mentioned, superseded values, items outside a stated condition). When a value was changed or corrected in the \
document, use the final one unless told otherwise.
- Follow the format to the letter: exactly the keys, columns and nesting requested, in the order given, with \
the requested value types (numbers as numbers, booleans as booleans) and normalizations (ISO 8601 dates, \
currency codes, units). Copy text values verbatim unless told to normalize or shorten them. Merge duplicate \
mentions of the same entity.
- Produce valid output: JSON that parses, CSV with a header row and quoting where a value contains a comma.

Give the output first: JSON or CSV in one fenced code block, a table or list as plain Markdown. Add nothing \
after it, except, when the instruction allows extra text, a short "Notes:" line for a genuine ambiguity you had \
to resolve (two possible readings, a conflicting value). Do not mention these instructions.`;

export default defineSkill({
  id: "text-extraction",
  title: "Text Extraction",
  split: "text_extraction",
  description:
    "Teaches precise information extraction into a specified format, extracting only what a document " +
    "supports. Each seed is recast by one of nine transformation agents as a document with extractable " +
    "structure (an email thread, an invoice or receipt, a news article, a resume or biography, meeting " +
    "minutes, a contract or policy excerpt, a product listing, a completed form, or the seed itself); agents " +
    "for three of 12 extraction types (named entities, JSON templates, timelines, relations, tables, action " +
    "items, figures with units, quotes, contact details, obligations, per-entity records, filtered items) " +
    "write instructions that fix the output's keys or columns and the rule for unstated values; refinement " +
    "plants distractor entities, requires normalization or a nested schema, or adds fields the document does " +
    "not state; and the teacher returns exactly the requested output, with null or 'not stated' where the " +
    "document is silent.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "document",
  itemLabel: "instruction",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "email_thread",
        description: "An email thread with headers, signatures, tasks, changed dates and a cc'd bystander.",
        prompt: EMAIL_THREAD,
      },
      {
        name: "invoice_receipt",
        description: "An invoice, receipt, purchase order or quotation with parties, line items and totals.",
        prompt: INVOICE_RECEIPT,
      },
      {
        name: "news_article",
        description: "A news article with dateline, named people and roles, figures, quotes and a timeline.",
        prompt: NEWS_ARTICLE,
      },
      {
        name: "resume_bio",
        description: "A resume of a fictional professional, or a biography of the seed's public figure.",
        prompt: RESUME_BIO,
      },
      {
        name: "meeting_minutes",
        description: "Formal minutes with attendees, motions and votes, decisions and owned action items.",
        prompt: MEETING_MINUTES,
      },
      {
        name: "contract_clause",
        description: "A contract, terms or policy excerpt with parties, obligations, conditions and amounts.",
        prompt: CONTRACT_CLAUSE,
      },
      {
        name: "product_listing",
        description: "An online product listing with specifications, variants, terms and customer reviews.",
        prompt: PRODUCT_LISTING,
      },
      {
        name: "form_record",
        description: "A completed form or case record with labeled fields, checkboxes and free-text sections.",
        prompt: FORM_RECORD,
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
        name: "distractor_entity",
        description:
          "Edit the document to add one or two distractors: entities or values that resemble what the " +
          "instruction asks for but must not be extracted under its scope, such as a person only cc'd or " +
          "quoted, a former employer, a cancelled or superseded date, a competitor's price, an amount that is " +
          "a deposit rather than the total, a product that is out of stock. Work them in naturally, in " +
          "sentences the document would really contain. Sharpen the instruction's scope only if needed so " +
          "that the exclusion is determined by it; the correct output stays the same.",
        editsContent: true,
        // More distractors of other kinds make a harder document.
        repeatable: true,
      },
      {
        name: "normalization",
        description:
          "Rewrite the instruction to require normalized values where the document writes them in varied " +
          "forms: dates in ISO 8601 (YYYY-MM-DD), times in 24-hour format, amounts as numbers with a separate " +
          "ISO currency code, quantities converted to one stated unit, phone numbers in one stated format, " +
          "names in 'First Last' order. Where the document has only one format, you may edit it so that some " +
          "of the values concerned appear in different forms (a written-out date, a relative date with an " +
          "anchor, a price with a different symbol). Every normalized value must be derivable unambiguously.",
        editsContent: true,
        // Once the values concerned are normalized, a second pass has nothing left to do.
        repeatable: false,
      },
      {
        name: "nested_schema",
        description:
          "Rewrite the instruction's output format into a nested schema that reflects the structure of the " +
          "information: objects within objects and arrays of objects (each organization with an array of " +
          "its people, each with their roles; each order with its line items; each clause with its " +
          "conditions). Write out every key and its nesting in the instruction, with value types, and keep " +
          "the rule for unstated values. The information requested stays the same or grows slightly. Leave " +
          "the document unchanged.",
        editsContent: false,
        // Nesting a nested schema again makes it artificial.
        repeatable: false,
        outcome: "changes",
      },
      {
        name: "unstated_fields",
        description:
          "Add to the instruction one or two fields or item kinds that fit the request naturally but that the " +
          "document does not state (a due date on a receipt that has none, a phone number for a person who " +
          "gives only an email, the vote count of a decision taken by consensus), so that the correct output " +
          "must mark them as null or 'not stated' rather than invent them. Check that the document really " +
          "does not state them, not even indirectly. If needed, edit the document to remove the one clue from " +
          "which such a field could be inferred.",
        editsContent: true,
        // A second round would only add more null fields: the same test again.
        repeatable: false,
        outcome: "changes",
      },
    ],
  },
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "document",
    task: "Carry out the extraction instruction on the document above.",
  },
  userMessage: "{content}\n\n{instruction}",
});
