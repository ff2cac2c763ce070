// Text Modification (split "text_modification"): the paper publishes the 18 modification types (used here as
// instruction types) and the two refinement moves (add constraints, reframe the output keeping every fact). The
// nine content-preparation agents, three more types (proofreading, condensing, tone), one goal and all prompts
// are ours.

import { defineSkill } from "./define-skill.js";
import { identityAgent, identityPrompt } from "./shared-prompts.js";

// Which prepared texts a modification type can use. Normalizing data needs dates, numbers, units or names
// written inconsistently; proofreading needs a text with slips to correct. The other types work on any text.
const DATA_RICH = ["email", "formal_notice", "short_report", "rough_notes", "product_description"];
const HAS_SLIPS = ["rough_notes", "social_media_post", "customer_review"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation: a passage worth modifying
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a content-preparation agent in a pipeline that builds text-modification \
exercises: paraphrasing, simplifying, translating, reformatting, redacting, normalizing, restyling and other \
edits of a given text. From a source text, often extracted from a web page or a document, you prepare one short \
text in the form the task names (an excerpt, an email, a social-media post, a notice...). Other agents will \
write modification instructions for your text, and a student will see your text with one instruction and must \
produce the modified text.

Unless the task says otherwise:
- Keep it short: 80 to 300 words. The student reproduces the whole text in modified form, so every sentence must \
earn its place.
- Ground it in the source: its subject, facts, figures, names and claims. Where the form needs details the \
source lacks (a sender, a date, a reference number, a price), invent plausible ones consistent with the source.
- Give modifications material to work on: concrete details (names, dates, times, numbers with units, places), a \
recognizable tone and attitude, and sentences of varied length and structure.
- Personal data must be fictional: invented names, phone numbers in the 555-0100 to 555-0199 range, email \
addresses at example.com or example.org, made-up street addresses and account numbers. Never give private data \
of real people; a public figure may appear only as the source presents them.
- Make the text self-contained: a reader who never saw the source must be able to follow it. Never refer to "the \
source", "the article" or "the text above".
- Write in the language of the source text.
- Leave out extraction debris (menus, cookie notices, ads, share buttons, link lists, boilerplate).
- Do not add hateful, sexual or dangerous content that the source does not contain.

The text is your whole answer, delivered in the output format given at the end of the task: no preface such as \
"Here is the email", no closing remarks, no notes about what you changed or why.`;

const EXCERPT = `Select from the source text below the stretch most worth modifying: one to three consecutive \
paragraphs, 80 to 250 words, that are self-contained and rich in content (facts, names, figures, a clear line of \
thought).

Requirements:
- Keep the selected stretch verbatim, in its original order and language, except for these repairs: remove \
extraction debris; rejoin broken lines and words; start and end on complete sentences; and, where a sentence \
depends on text you left out, make the smallest change that lets it stand alone (replace "he" with the person's \
name, "this method" with the method's name).
- Prefer a stretch with a recognizable voice and concrete details over a list of links, a table of contents or \
boilerplate.
- Add no title, summary or comment.`;

const EMAIL = `Write an email in which someone with a real reason to do so writes about the content of the source \
text below: a colleague passing on findings, a customer asking about a product, an organizer announcing an \
event, a teacher writing to parents, a researcher contacting an expert.

Requirements:
- Format: a "Subject:" line, a greeting that names the recipient, the body in two to four short paragraphs, a \
sign-off with the sender's full name and role, and, in about half of the emails, a signature block with a phone \
number and an email address.
- Carry several of the source's facts and figures, and include at least one date or deadline, one number and one \
concrete request or action item.
- Give the email a definite register (formal, friendly, urgent, apologetic...) that suits the sender and the \
recipient.
- 120 to 280 words.`;

const SOCIAL_MEDIA_POST = `Write a social-media post, or a short thread of two to four posts, in which a person \
or an organization shares the content of the source text below with their followers.

Requirements:
- Choose a plausible author (an enthusiast, a local business, a science communicator, a student, a nonprofit) \
and a platform style; the author has an attitude toward the content (excited, worried, amused, skeptical).
- Carry two to four of the source's concrete facts or figures accurately.
- Informal register: contractions, short sentences, and where they suit the author a hashtag or two, an @handle \
(invented), an emoji or two, and one or two casual slips of the kind real posts have (a missing apostrophe, a \
lowercase sentence start).
- If it is a thread, number the posts "1/3", "2/3"...
- 50 to 200 words.`;

const PRODUCT_DESCRIPTION = `Write a product or service description tied to the subject of the source text \
below: a product it discusses or implies, or something a business would sell around it (a book or course on the \
topic, a tool or device used in it, a guided tour, a subscription, a kit).

Requirements:
- An invented product name and brand, a one-line tagline, a descriptive paragraph, and a short list of features \
or specifications with figures and units (sizes, weights, durations, capacities), followed by a price and, \
where it fits, availability or shipping details with a date.
- Draw the features and their benefits from the source's facts, stated accurately.
- Persuasive, enthusiastic marketing tone addressed to a defined audience.
- 100 to 250 words.`;

const FORMAL_NOTICE = `Write a formal letter or an official notice issued about the content of the source text \
below by an institution: a town council, a school, a company, a government agency, a landlord, a university \
office, a professional association.

Requirements:
- Format: the issuing body's name, a reference number, a date, an addressee or audience, a subject line, a body \
of two to four paragraphs in formal register, and a closing with the name, title and contact details of a \
responsible person.
- State what happens or must be done, by whom and by when: at least two dates or deadlines, one figure, and one \
condition or requirement, grounded in the source's facts.
- Impersonal, precise, somewhat bureaucratic language.
- 150 to 300 words.`;

const SHORT_REPORT = `Write a short factual report based on the source text below: an incident report, a field or \
site-visit report, a lab or test summary, a progress report, or a news brief, whichever fits the content best.

Requirements:
- A title line, then a dated account of what happened or was found: who was involved (with names and roles), \
where, when, what was measured or observed (figures with units), and the outcome or next steps.
- Include at least four dates or times, three people's names, and several numbers with units.
- As real reports often do, write two to four of those items inconsistently: dates in mixed formats ("3/4/2023", \
"April 5th", "2023-04-07"), a unit spelled out in one place and abbreviated in another, a name given in two \
forms. Keep every item unambiguous and correct.
- Neutral, factual tone. 150 to 300 words.`;

const ROUGH_NOTES = `Write the rough notes someone jotted down about the content of the source text below: \
meeting notes, lecture or study notes, field notes, or a planning to-do list.

Requirements:
- Unpolished: bullet points and fragments, abbreviations ("approx.", "w/", "mtg", "b/c"), inconsistent \
capitalization, dates and times in mixed formats, and three to five genuine slips (typos, a missing word, a \
subject-verb disagreement).
- Still faithful: the source's key facts and figures, a few names, at least one deadline and one open question, \
all recoverable by a reader.
- Optionally a short heading with a date.
- 80 to 220 words.`;

const CUSTOMER_REVIEW = `Write a customer review of a product, place, service, book, course or event connected \
to the subject of the source text below.

Requirements:
- The reviewer writes in the first person with a clear overall sentiment (delighted, disappointed, or mixed) \
and a star rating out of five at the top.
- Specific details: what was bought or visited, when, how it was used, what worked and what did not, with a few \
figures (price, duration, size) and facts drawn from the source.
- A natural consumer voice, with the occasional informal slip real reviews have.
- 80 to 220 words.`;

const IDENTITY = identityPrompt({
  rules: [
    "- If the cleaned text is longer than about 400 words, keep only its beginning, up to the last paragraph " +
      "boundary before 400 words.",
  ],
  closing: "Do not summarize, paraphrase, correct, reorder, translate or add anything, not even a title or a note.",
});

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert writer of text-editing requests, the kind people give a skilled \
editor or writing assistant. You write instructions of one modification type for one given text.

How the instructions will be used: a student is shown the text, followed by one of your instructions, and must \
produce the modified text. Therefore each instruction must:
- Refer to the text by what it is ("the text above", "the email", "the post", "the notes", "the notice") and \
never reproduce it. When the modification targets a part, quote that part's opening words or the exact sentence \
or phrase.
- Be precise and checkable: name the target (the language, format, audience, standard, marker, letter or \
length), the scope (the whole text or a quoted part) and what must be preserved, so that anyone can verify \
whether an output complies.
- Be feasible on this text: the things it targets must be in it (do not ask to redact phone numbers from a text \
that has none), and its constraints must be satisfiable (a severe vocabulary limit on a sentence or two, not on \
a whole page).
- Read like a real request from a real person: vary the phrasing, the opening and the amount of detail; some are \
terse, some give a reason or a context ("for our newsletter", "my manager wants...").
- Never carry out the modification, show part of the result, or give a sample output.

Do not name the modification type as a label ("Task type: paraphrasing"), and write no preface, numbering or \
commentary around the instructions. Write in the language of the text; a translation or code-switching \
instruction names its target language.`;

const INSTRUCT_GUIDELINES = `- The instructions must all be different: each asks for a different target, scope or \
constraint, so that no two would lead to the same output.
- Pick targets that make the modification worthwhile on this text: the details it actually contains, its actual \
tone, its actual structure.
- Check that each instruction refers to the text without repeating it, names its target and scope precisely, is \
feasible on this text and shows no part of the result.`;

// ---------------------------------------------------------------------------------------------------------
// Modification taxonomy: the 18 published types first, then ours.
// ---------------------------------------------------------------------------------------------------------

// Goals that do not fit every type. Reframing the output in another genre would break a type whose wording must
// stay as written (marks, markup, replacements, redaction, normalization, case, corrections, layout) or whose
// output is one constrained sentence or two; restricting the scope does not fit a type that already acts on one
// part, nor one that reworks the whole text by definition.
const KEEP_WORDING = ["add_constraints", "restrict_scope"];
const WHOLE_TEXT = ["add_constraints", "reframe_output"];
const ONE_PART = ["add_constraints"];

const PUBLISHED_TYPES = [
  {
    name: "paraphrasing",
    definition:
      "Restate the whole text, or a named part, sentence by sentence in different words and sentence " +
      "structures, keeping the order of its points, its meaning, facts, tone and approximate length. The " +
      "instruction may add a measurable constraint (length within ten percent, every sentence reworded). " +
      "Reorganizing the points to pass the result off as original writing is plagiarism rewording. The " +
      "answer form is the paraphrased text.",
    examples: [
      "Paraphrase the text above, changing the wording and structure of every sentence while keeping all the " +
        "facts and the same level of formality.",
      "Can you say the second paragraph of the email another way? Same meaning, same length, different words.",
      "Reword each sentence of the review in turn, keeping its order and its tone, and stay within ten " +
        "percent of the original word count.",
    ],
  },
  {
    name: "simplification",
    definition:
      "Rewrite the text for a reader with less background or reading skill, named in the instruction (a " +
      "ten-year-old, a learner of English at level A2, a patient without medical training): shorter sentences, " +
      "common words, technical terms explained or replaced, and no fact lost that this reader needs. The " +
      "answer form is the simplified text.",
    examples: [
      "Rewrite the email in plain language that a 12-year-old could follow, using sentences of no more than 15 " +
        "words.",
      "My grandmother is learning English (around level A2). Please make the notice easy for her to read, " +
        "and explain any official terms in simple words.",
      "Simplify the excerpt for readers with no background in the field: replace or explain every technical " +
        "term, but keep all the figures.",
    ],
  },
  {
    name: "expansion",
    definition:
      "Grow the text, or a named part, with detail consistent with it (examples, explanations, transitions, " +
      "background) to a stated length or by a stated factor, without contradicting or changing any of its " +
      "facts. The answer form is the expanded text.",
    examples: [
      "Turn the notes into a full paragraph of about 150 words for a project update, keeping every figure.",
      "Expand the post to roughly twice its length by adding an example and some background, without " +
        "changing any of the facts it gives.",
      "The second sentence of the product description is too bare. Develop it into three or four sentences " +
        "that explain the benefit to the buyer.",
    ],
  },
  {
    name: "translation",
    definition:
      "Translate the text, or a named part, into a named language (vary them: Spanish, French, German, " +
      "Portuguese, Italian, Chinese, Japanese, Korean, Hindi, Arabic, Russian, Turkish, Swahili...), " +
      "possibly with a register or localization constraint (formal address, keep product names in the " +
      "original, convert units). The answer form is the translation only.",
    examples: [
      "Translate the product description into French for customers in Canada, keeping the product name and " +
        "the prices unchanged.",
      "Put the notice into German, using the formal Sie throughout.",
      "I need the last paragraph of the report in Japanese for our Osaka office. Convert any miles to " +
        "kilometres as you translate.",
    ],
    guidance:
      "Give only the translation unless the instruction asks for more. Keep names, numbers and the layout " +
      "unless told otherwise.",
  },
  {
    name: "formatting",
    definition:
      "Change the layout or structure without changing the content: into a bulleted or numbered list, a table " +
      "with named columns, sections with headings, a question-and-answer layout, key-value lines, CSV, or a " +
      "JSON object with named keys. The instruction names the target format and what goes where. Emphasis " +
      "markup on the existing words without a new structure is styling. The answer form is the reformatted " +
      "text.",
    examples: [
      "Reformat the report as a Markdown table with the columns Date, Event and People involved, one row per " +
        "event, in chronological order.",
      "Turn the email into a JSON object with the keys sender, recipient, subject, deadlines and requests.",
      "Could you break the notes up into three sections with headings (Decisions, Open questions, To do) and " +
        "put bullet points under each?",
    ],
    goals: KEEP_WORDING,
  },
  {
    name: "sentiment_modification",
    definition:
      "Change the emotional polarity or intensity of the text (positive to negative, negative to neutral, " +
      "enthusiastic to measured) while keeping its facts, names and figures. The instruction names the target " +
      "sentiment. The answer form is the rewritten text.",
    examples: [
      "Rewrite the review so that it expresses mild disappointment instead of enthusiasm, without changing any " +
        "of the details it mentions.",
      "Tone down the excitement in the post until it sounds neutral and matter-of-fact; every fact stays.",
      "Make the email sound hopeful rather than worried.",
    ],
  },
  {
    name: "annotation",
    definition:
      "Add marks or notes to the text without altering its wording: tag named entities or dates, label each " +
      "sentence as claim, evidence or opinion, add a gloss after each technical term, mark statements that need " +
      "a citation. The instruction defines the annotation scheme exactly, with one sample mark. The answer form " +
      "is the annotated text.",
    examples: [
      "Annotate the post by putting every person's name, organization and date in square brackets followed by " +
        "its type, as in [Maria Lopez | PERSON]; leave all other text unchanged.",
      "After each sentence of the excerpt, add a label in parentheses saying whether it is a claim, evidence " +
        "or an opinion, for example (CLAIM).",
      "Mark every statement in the report that would need a source with [citation needed] at its end. Do not " +
        "reword anything.",
    ],
    guidance: "Leave the original wording exactly as it is: only add the marks the scheme defines.",
    goals: KEEP_WORDING,
  },
  {
    name: "keyword_replacement",
    definition:
      "Replace specified words or phrases throughout the text (a term with a synonym, a name with another, " +
      "jargon with plain words, a brand with a generic term), adjusting grammar (articles, agreement, " +
      "inflection) as needed. The instruction lists the replacements or states the rule. The answer form is " +
      "the text with the replacements made.",
    examples: [
      "Replace every occurrence of 'customers' with 'members' and of 'purchase' with 'order', adjusting " +
        "articles and verb forms where needed.",
      "Our brand name changed: swap every mention of the old product name in the description for 'the " +
        "device', fixing the grammar around it.",
      "Wherever the notice says 'residents', write 'tenants' instead. Leave everything else alone.",
    ],
    goals: KEEP_WORDING,
  },
  {
    name: "removal_redaction",
    definition:
      "Remove or redact specified content: personal data (names, phone numbers, email addresses, account " +
      "numbers), figures, a topic, opinions, or sentences of a kind. Redaction replaces each item with a " +
      "marker the instruction names ('[REDACTED]', '[NAME]'); removal deletes it and repairs the grammar. The " +
      "answer form is the edited text, otherwise unchanged.",
    examples: [
      "Redact all personal names, phone numbers and email addresses in the letter, replacing each with " +
        "[REDACTED], and leave everything else exactly as it is.",
      "Delete every sentence of the review that gives the writer's opinion rather than a fact, and smooth " +
        "the grammar where something was cut.",
      "Before I forward the notes, replace each name with [NAME] and each phone number with [PHONE].",
    ],
    guidance: "Catch every instance, including names in signatures and addresses in headers; change nothing else.",
    goals: KEEP_WORDING,
  },
  {
    name: "capitalization",
    definition:
      "Change letter case by a rule over the whole text or a named part (title case for headings, all " +
      "capitals for warnings, sentence case, all lowercase, a term always capitalized), or meet a constraint " +
      "on the first letter of every sentence, which needs rewording while keeping the meaning. Constraints on " +
      "every word of a sentence or two are vocabulary-limited rewriting. The answer form is the rewritten " +
      "text.",
    examples: [
      "Rewrite the post so that every sentence begins with the letter S, keeping its meaning and all its facts.",
      "Put the subject line and every heading of the notice in title case, and write the warning sentence " +
        "in capitals.",
      "Convert the notes to proper sentence case: capital letters only at the start of sentences and for " + "names.",
    ],
    guidance: "Before answering, check every sentence or word against the rule one by one and fix any that fails.",
    goals: KEEP_WORDING,
  },
  {
    name: "styling",
    definition:
      "Apply typographic styling with Markdown or HTML markup (bold, italics, underline, strikethrough, inline " +
      "code) to existing words, where the instruction says which kinds of content get which style. The " +
      "wording, order and layout stay the same; new lists, tables or headings are formatting. The answer form " +
      "is the text with the markup.",
    examples: [
      "Using Markdown, put every date in bold and every product name in italics; change nothing else.",
      "Wrap each price in the description in HTML <strong> tags and each measurement in <em> tags.",
      "Strike through the items in the notes that are marked as done (use ~~ ~~), and bold the deadline.",
    ],
    guidance: "Leave the wording exactly as it is: only add the markup the instruction asks for.",
    goals: KEEP_WORDING,
  },
  {
    name: "content_rewriting",
    definition:
      "Rewrite the text from a new perspective, for a new purpose or in a new genre (first person to third " +
      "person, the company's view to the customer's, a press release for investors, a news item as a diary " +
      "entry) while keeping its facts. Unlike tone and formality, who speaks or what the text is for " +
      "changes, not only its register; unlike simplification, it is not aimed at an easier reading level. " +
      "The instruction names the new perspective, purpose or genre. The answer form is the rewritten text.",
    examples: [
      "Rewrite the notice from the point of view of a resident who has just received it, as a first-person " +
        "message to a neighbor.",
      "Turn the report into a diary entry written that evening by one of the people named in it.",
      "Recast the product description as a short press release aimed at retail buyers.",
    ],
    goals: WHOLE_TEXT,
  },
  {
    name: "data_normalization",
    definition:
      "Make the data in the text consistent with a stated standard: dates in the YYYY-MM-DD format, times on " +
      "the 24-hour clock, units converted to metric, numbers in one format, phone numbers in one pattern, " +
      "spelling in British or American English, names as 'Last, First'. Only the items the standard covers " +
      "change. The answer form is the normalized text.",
    examples: [
      "Normalize every date in the report to the YYYY-MM-DD format and every distance to kilometres with one " +
        "decimal place; leave the rest of the text unchanged.",
      "Write all the times in the notes on the 24-hour clock (14:30, not 2:30pm).",
      "Make the email use American spelling throughout and give every phone number in the form 555-0123.",
    ],
    transformations: DATA_RICH,
    guidance: "Change every item the standard covers and nothing else; if a date lacks its year, keep it as it is.",
    goals: KEEP_WORDING,
  },
  {
    name: "plagiarism_rewording",
    definition:
      "Reword the text so that it can be used as original writing: deeper than a paraphrase, it restructures " +
      "the whole text (new order of points, new sentence structures, new vocabulary) while keeping every idea " +
      "and fact, under a measurable limit on copied wording, and may ask for an attribution line. The answer " +
      "form is the reworded text.",
    examples: [
      "Reword the excerpt so that I can use it in my essay without plagiarizing: reorganize the points, use " +
        "your own vocabulary, copy no more than four consecutive words, and keep every fact.",
      "I want to reuse the ideas of the report in my own write-up. Restructure it completely so that no " +
        "phrase of more than three words survives, and end with a one-line credit to its author.",
      "Rework the text above into original prose for our blog: new order, new sentences, same facts.",
    ],
    goals: WHOLE_TEXT,
  },
  {
    name: "code_switching",
    definition:
      "Rewrite the text so that it alternates between two named languages or dialects as bilingual speakers " +
      "naturally do (English with Spanish, Hindi with English, French with Arabic...), at a stated proportion " +
      "or at stated points (greetings and emotions in one language, facts in the other). The answer form is the " +
      "code-switched text.",
    examples: [
      "Rewrite the post as a bilingual English-Spanish speaker would write it, switching to Spanish for " +
        "greetings, exclamations and about a third of the sentences.",
      "Make the email sound like it was written by someone who mixes Hindi and English at work: Hindi for " +
        "the friendly parts, English for the dates and figures.",
      "Could you redo the review in a mix of French and Arabic, roughly half and half, the way people chat " +
        "in Marseille?",
    ],
  },
  {
    name: "obfuscation",
    definition:
      "Make the text deliberately less specific or less identifying while keeping it readable and its gist " +
      "intact: vaguer (exact figures to ranges, names to roles, places to regions, dates to months), or with " +
      "personal data masked by consistent pseudonyms or partial masks ('J*** D**'). Unlike redaction, it " +
      "rewrites information into less specific forms rather than blanking it. The answer form is the " +
      "obfuscated text.",
    examples: [
      "Obfuscate the report so that no individual can be identified: replace names with roles, exact dates " +
        "with the month, and addresses with the city alone.",
      "Make the figures in the notes vaguer before we share them: round every amount to a range and keep " +
        "the rest readable.",
      "Mask the personal details in the email with partial masks, like J*** D** for a name, using the same " +
        "mask each time the same person appears.",
    ],
  },
  {
    name: "textual_entailment",
    definition:
      "Modify a sentence of the text, quoted in the instruction, with as small a change as possible so that " +
      "it entails, contradicts, or is neutral toward a given hypothesis sentence that the instruction also " +
      "states. The answer form is the modified sentence, with a one-sentence explanation when the instruction " +
      "asks for one.",
    examples: [
      "Change the sentence 'The council approved the new budget after a two-hour debate.' as little as " +
        "possible so that it contradicts the statement 'The budget was passed unanimously.' Give the new " +
        "sentence and explain in one sentence why it contradicts the statement.",
      "Edit 'Sales rose in the spring.' minimally so that it entails the hypothesis 'Sales rose by more " +
        "than ten percent.'",
      "Alter 'The ferry left on time despite the fog.' with the smallest change you can so that it says " +
        "nothing either way about 'The ferry arrived late.' Return only the new sentence.",
    ],
    guidance:
      "Give the modified sentence first. Check that it really entails, contradicts or is neutral toward the " +
      "hypothesis as asked, and that the change is as small as possible.",
    goals: ONE_PART,
  },
  {
    name: "vocabulary_limited_rewriting",
    definition:
      "Rewrite a short part of the text (one to three sentences, quoted or located by the instruction) under " +
      "a strict vocabulary constraint on every word: every word starting with a given letter, a lipogram that " +
      "never uses a given letter, words of one syllable only, or no word from a given list. The meaning stays " +
      "as close as the constraint allows. The answer form is the rewritten sentences.",
    examples: [
      "Rewrite the first two sentences of the post so that every word starts with the letter 'a', keeping as " +
        "much of their meaning as you can.",
      "Say the closing sentence of the email again without using the letter e anywhere.",
      "Using only words of one syllable, rewrite the sentence of the notice that gives the deadline.",
    ],
    guidance:
      "Check every word, including articles and prepositions, against the constraint before answering. If " +
      "some meaning has to be dropped, add one short note saying what.",
    goals: ONE_PART,
  },
];

const OUR_TYPES = [
  {
    name: "proofreading",
    definition:
      "Correct errors of spelling, grammar, punctuation, agreement and word choice without changing the " +
      "style, structure or content beyond the errors; the instruction may ask to keep some features (the " +
      "abbreviations, the bullets, the informal voice) and for a list of the corrections made. The answer " +
      "form is the corrected text, followed by the list when asked.",
    examples: [
      "Proofread the notes: fix spelling, grammar and punctuation, keep the abbreviations and the bullet " +
        "structure, and list each correction after the text.",
      "Fix the typos and grammar slips in the review, but keep its chatty voice.",
      "Please correct any mistakes in the post without making it sound more formal.",
    ],
    transformations: HAS_SLIPS,
    goals: KEEP_WORDING,
  },
  {
    name: "condensing",
    definition:
      "Shorten the text to a stated length (a word count, a number of sentences, a character limit such as " +
      "280 for a post) in its own voice and form, keeping the facts the instruction names or the most " +
      "important ones. It is the text itself made shorter, not a summary about the text. The answer form is " +
      "the shortened text.",
    examples: [
      "Shorten the email to at most 60 words, keeping the deadline, the meeting place and the request.",
      "Cut the review down to three sentences that keep the rating and the main complaint.",
      "Fit the product description into 280 characters for a post, price included.",
    ],
    guidance: "Count the words or characters before answering and stay within the limit.",
  },
  {
    name: "tone_formality",
    definition:
      "Shift the register of the text (formal to casual, casual to formal, blunt to diplomatic, neutral to " +
      "warm) while keeping its content, its speaker and its attitude toward the subject; unlike sentiment " +
      "modification, the polarity does not change. The instruction names the target register, often through " +
      "a context. The answer form is the rewritten text.",
    examples: [
      "Rewrite the notice in a warm, conversational tone suitable for a community newsletter, keeping every " +
        "date and requirement.",
      "My boss will read the post. Make it formal and professional, same facts, same opinion.",
      "The email comes across as blunt; rephrase it diplomatically without softening what it asks for.",
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of text-editing requests. You are given a text, an \
instruction to modify it with its expected outcome, and a refinement goal, and you propose concrete changes to \
the instruction that would turn it into a new, more demanding one meeting the goal. You do not write the new \
instruction: an editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: it names the exact constraint, output form or scope to add, with its values (the \
word limit, the required phrase, the target genre, the quoted sentence), and says where it fits in the \
instruction. A short phrase is fine; a rewritten instruction is not.
- Achieves the goal on its own, and leaves a valid instruction: precise and checkable, feasible on this text, \
compatible with the original request, and still a natural request a real person might make.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal and how an output can be checked against it.`;

const SUGGEST_GUIDELINES = `Picture what a correct output for the current instruction looks like on this text: your \
suggestions must make that output harder to produce, not impossible.`;

const EDIT_SYSTEM = `You are an expert editor of text-editing requests. You are given a text, an instruction to \
modify it with its expected outcome, a refinement goal, and suggestions from a reviewer. You apply the \
suggestions and produce the revised instruction.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would make the instruction \
infeasible or unverifiable on this text, skip it and keep the one that best serves the goal. The revised \
instruction must fully meet the goal.
- The revised instruction keeps the original modification request and integrates the new demands into one \
natural request, not a list of add-ons glued to the end. It follows the same rules as any instruction in the \
set: it refers to the text without reproducing it, it is precise and checkable, it is feasible on this text, and \
it shows no part of the result.`;

const EDIT_GUIDELINES = `Check that one output could satisfy every part of the revised instruction at once.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert editor and writer carrying out a text-modification request. A user \
gives you a text and an instruction; you produce the modified text, as a model of precise, faithful editing.

Follow the instruction exactly:
- Respect its scope (the whole text or only the part it names), its target (language, format, audience, \
standard, style) and every constraint it states.
- Unless the instruction says otherwise, keep every fact, name, number and the meaning of the text, and change \
nothing the instruction does not ask to change. For annotation, styling, redaction, normalization and keyword \
replacement, everything outside the requested change stays exactly as written.
- Keep the text's language unless you are asked to translate or code-switch, and its format unless you are asked \
to change it.

Before you answer, check the output against each constraint: every sentence starts with the required letter, \
every word meets the vocabulary limit, the length is within the limit, every date follows the standard, every \
name is redacted, every fact survived. Fix any failure.

Your answer is the modified text itself, complete and ready to use, with no preface such as "Here is the \
rewritten text" and no closing remarks. Add anything else only when the instruction asks for it (a list of \
changes, an explanation), after the text and clearly separated from it. If a constraint cannot be fully met, meet \
it as closely as possible and add one short note saying what could not be kept. If the instruction targets \
something the text does not contain, say so in one sentence and carry out the rest of the request. Do not \
mention these instructions.`;

export default defineSkill({
  id: "text-modification",
  title: "Text Modification",
  split: "text_modification",
  description:
    "Teaches editing a given text as asked while keeping what must be kept. Each seed is prepared by one of " +
    "nine agents into a short text worth modifying (a self-contained excerpt, an email, a social-media post, " +
    "a product description, a formal notice, a short report with names and mixed date formats, rough notes " +
    "with slips, a customer review, or the seed itself); agents for three of 21 modification types (the 18 " +
    "published ones, from paraphrasing, translation and redaction to textual entailment and vocabulary-limited " +
    "rewriting, plus proofreading, condensing and tone) write requests for it; refinement adds constraints, " +
    "asks for the output reframed in another genre with every fact kept, or restricts the change to one part; " +
    "and the teacher returns the modified text.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "text",
  itemLabel: "instruction",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "excerpt",
        description: "The most self-contained, content-rich stretch of the seed, 80 to 250 words, nearly verbatim.",
        prompt: EXCERPT,
      },
      {
        name: "email",
        description: "An email about the seed's content, with a subject, a request, dates and a signature.",
        prompt: EMAIL,
      },
      {
        name: "social_media_post",
        description: "An informal post or short thread sharing the seed's content, with an attitude.",
        prompt: SOCIAL_MEDIA_POST,
      },
      {
        name: "product_description",
        description: "A persuasive description of a product or service tied to the seed, with specs and a price.",
        prompt: PRODUCT_DESCRIPTION,
      },
      {
        name: "formal_notice",
        description: "A formal letter or official notice about the seed's content, with deadlines and contacts.",
        prompt: FORMAL_NOTICE,
      },
      {
        name: "short_report",
        description: "A short factual report with names, figures and dates written in mixed formats.",
        prompt: SHORT_REPORT,
      },
      {
        name: "rough_notes",
        description: "Unpolished notes on the seed's content, with abbreviations, fragments and a few slips.",
        prompt: ROUGH_NOTES,
      },
      {
        name: "customer_review",
        description: "A first-person customer review with a clear sentiment, tied to the seed's subject.",
        prompt: CUSTOMER_REVIEW,
      },
      identityAgent(IDENTITY, "The seed as is, with extraction debris removed, cut to about 400 words."),
    ],
  },
  instruct: {
    system: INSTRUCT_SYSTEM,
    guidelines: INSTRUCT_GUIDELINES,
    types: [...PUBLISHED_TYPES, ...OUR_TYPES],
  },
  refine: {
    suggest: { system: SUGGEST_SYSTEM, guidelines: SUGGEST_GUIDELINES },
    edit: { system: EDIT_SYSTEM, guidelines: EDIT_GUIDELINES },
    goals: [
      {
        name: "add_constraints",
        description:
          "Add one to three constraints to the modification that make it more demanding while keeping it " +
          "feasible and checkable on this text: a length limit, a word or phrase that must appear or must not, " +
          "phrases to keep verbatim, a target audience or register, a format for part of the output, a letter " +
          "constraint, or a second compatible modification to perform as well (translate and then format as a " +
          "table, redact and then simplify). The constraints must be compatible with each other and with the " +
          "original request.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "reframe_output",
        description:
          "Ask for the modified output to be reframed in another genre or form (a funny story, a rhyming " +
          "poem, a social-media post with slang and emoji, a limerick, a news headline with a lead paragraph, " +
          "a short dialogue) while keeping every fact, name and number of the text, and say so explicitly in " +
          "the instruction. The original modification still applies where it is compatible with the new form.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "restrict_scope",
        description:
          "Limit the modification to a precisely identified part of the text (a quoted sentence, the second " +
          "paragraph, only the sentences that mention a date or a person) and require everything else to stay " +
          "exactly as written, so that the student must apply the change selectively and return the whole " +
          "text. The part chosen must contain what the modification acts on.",
        editsContent: false,
        repeatable: false,
      },
    ],
  },
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "text",
    task: "Carry out the instruction on the text above.",
  },
  userMessage: "{content}\n\n{instruction}",
});
