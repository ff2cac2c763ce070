// Reading Comprehension (split "rc"): the one skill the AgentInstruct paper describes in detail. The nine
// transformation agents, the 14 named question types and the three refinement goals are the published ones;
// the other 29 question types, and every prompt, are ours (no prompts were published).
import { defineSkill } from "./define-skill.js";
import { IDENTITY_PROMPT, identityAgent } from "./shared-prompts.js";

// Which transformations a question type can use. Argument-analysis types need content that argues;
// numerical types need content that keeps the seed's facts and figures (a poem or a satire bends them).
const ARGUMENTATIVE = [
  "argument_passage",
  "debate",
  "satire",
  "meeting_transcript",
  "conversation",
  "identity",
  "long_text",
];
// Flaw questions need reasoning that is likely to be flawed: the forms written to argue, not the seed as is.
const LIKELY_FLAWED = ["argument_passage", "debate", "satire", "conversation", "meeting_transcript"];
const MULTI_VOICE = ["debate", "conversation", "meeting_transcript"];
const FACTUAL = [
  "argument_passage",
  "debate",
  "conversation",
  "meeting_transcript",
  "instruction_manual",
  "long_text",
  "identity",
];
const NOT_POEM = [...FACTUAL, "satire"];
// Imagery lives in verse and in writing that argues or mocks; remarks meant otherwise than they are said need
// speakers (or a deadpan narrator).
const IMAGERY = ["poem", "satire", "debate", "argument_passage"];
const IRONY = ["satire", "debate", "conversation", "meeting_transcript"];
const PROSE = ["argument_passage", "instruction_manual", "long_text", "identity", "satire"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a content-transformation agent in a pipeline that builds reading-comprehension \
exercises. You receive a source text, often extracted from a web page or a document, and rewrite it into the form \
that the task names (an argument, a debate, a poem, a meeting transcript...). Other agents will then write exam \
questions about your passage (factual, numerical, inferential, evaluative and LSAT-style argument-analysis \
questions), and students will answer them from your passage alone.

Unless the task says otherwise:
- Ground the passage in the source. Keep its key facts, names, numbers, dates, claims and reasoning, and never \
contradict it.
- Make the passage self-contained: a reader who never saw the source must be able to follow it. Never refer to \
"the source", "the article" or "the text above".
- Make it rich enough to ask questions about: concrete details, explicit claims and the reasons given for them, \
and clear relations between people, events and ideas.
- Write in the language of the source text.
- Leave out extraction debris (menus, cookie notices, ads, share buttons, link lists, boilerplate).
- Do not add hateful, sexual or dangerous content that the source does not contain.

The passage is your whole answer, delivered in the output format given at the end of the task: no preface such \
as "Here is the passage", no closing remarks, no notes about what you changed or why.`;

const ARGUMENT_PASSAGE = `Transform the source text below into an argumentative passage in the style of an \
LSAT Logical Reasoning or Reading Comprehension stimulus.

Requirements:
- The passage argues for one main conclusion, stated explicitly, supported by two to four premises built from \
the source's facts and claims. It may also contain an intermediate conclusion, a concession, or an opposing view \
that the arguer answers.
- Give it a plausible voice: an author, a columnist, a scientist, an official, an organization. Use fictional \
names for individuals, unless the source itself attributes this position to a named person.
- As in real LSAT stimuli, the conclusion should go somewhat beyond what the premises guarantee, leaving a gap \
that an assumption would fill. In about half of the passages you write, make that gap an outright logical flaw \
of the kind LSAT questions target: confusing correlation with causation, generalizing from an unrepresentative \
sample, treating a necessary condition as sufficient, equivocating on a term, a false dilemma, circular \
reasoning, or attacking a person rather than a position. A flaw must be subtle and natural, the kind a careful \
reader spots and a hurried one misses. Never label, hint at or explain it.
- Let the structure show through ordinary indicator words (because, since, therefore, however, yet), used \
naturally.
- Continuous prose in one to three paragraphs, 150 to 350 words. No headings, lists or dialogue.`;

const DEBATE = `Transform the source text below into the transcript of a structured debate on a contestable \
question that the source's content bears on.

Requirements:
- Choose a motion on which reasonable people could disagree and on which the source's facts are real evidence.
- Participants: a neutral moderator and two to four debaters with distinct positions. Introduce each debater \
once by name and role (for example "Dr. Amara Osei, labor economist"). Use fictional people; a real person named \
in the source may appear only to voice views the source attributes to them.
- Structure: the moderator introduces the motion and the debaters; opening statements; at least two rounds of \
rebuttal in which debaters answer each other's specific points; short closing statements. The moderator does not \
declare a winner.
- Ground the arguments in the source's facts, figures and examples. Debaters may read the same evidence \
differently, concede points, and, as real debaters do, sometimes argue weakly (an overgeneralization, a shaky \
analogy, a claim left unsupported). Keep the facts themselves accurate.
- Format: every turn on a new line, as the speaker's name, a colon, then what they say. No stage directions.
- 500 to 900 words.`;

const CONVERSATION = `Transform the source text below into a natural conversation between two or three \
people in which the source's content comes up.

Requirements:
- Choose a realistic setting and people who have a reason to discuss this subject (friends, colleagues, a \
student and a tutor, a customer and an expert, relatives). Give them names. You may open with one short line in \
square brackets that sets the scene.
- Carry the source's key facts, numbers and claims through what the speakers say: they explain, ask, doubt, \
relate it to their own experience, disagree, or misremember and get corrected. A reader must be able to recover \
the facts from the dialogue; any mistake a speaker makes must be corrected explicitly by another speaker.
- Make the speakers sound distinct and natural (contractions, short turns, the occasional interruption) without \
filler that carries no content.
- Format: every turn on a new line, as the speaker's name, a colon, then what they say.
- 350 to 800 words.`;

const MEETING_TRANSCRIPT = `Transform the source text below into the transcript of a meeting in which the \
source's content is discussed and acted on.

Requirements:
- Invent a plausible organization and purpose for which the source's content matters (a council committee, a \
product team, a school board, a research group, a nonprofit board...).
- Three to six participants with names and roles, one of whom chairs the meeting and keeps to an agenda.
- Open with a short header: meeting name, date, and attendees with their roles. Then the turns, each on a new \
line as the speaker's name, a colon, then what they say.
- Include: a presentation of the source's facts and figures, questions about them, at least one disagreement, \
proposals, at least one decision, and action items with owners and deadlines. Close with the chair summarizing \
the decisions and action items.
- Keep the source's numbers and facts accurate; participants may interpret them differently.
- 500 to 900 words.`;

const POEM = `Transform the source text below into a poem that conveys its content.

Requirements:
- Keep the substance: the source's key facts, people, places, events, their order, and its stance must be \
recoverable from the poem, including several concrete details (names, numbers, dates, places). Readers will be \
asked questions about the poem, so it must say something definite.
- Choose a form that suits the material: rhymed stanzas, a ballad that narrates events, blank verse, or free \
verse. Use imagery and figurative language (metaphor, simile, personification) while keeping the meaning \
recoverable by a careful reader.
- You may put a title on the first line.
- 16 to 48 lines, in stanzas.`;

const SATIRE = `Transform the source text below into a satirical piece about its subject, in the manner of a \
satirical news article or a mock-serious essay.

Requirements:
- Find a real issue, habit, institution or contradiction in the subject and expose it with irony, exaggeration, \
understatement, absurd logic or a deadpan narrator. The target must be clear to an attentive reader without \
ever being stated outright.
- Keep the factual core recognizable: the source's key facts, numbers and events appear, and where you \
exaggerate them the exaggeration is obvious, so a reader can tell what is real and what is satire.
- Satirize ideas, institutions and behavior, not private individuals. Never put invented quotations in the mouth \
of a real, named person; use fictional spokespeople, experts and bystanders.
- Be witty, not cruel: no slurs, no mockery of people for who they are.
- You may put a headline on the first line. 300 to 700 words of prose.`;

const INSTRUCTION_MANUAL = `Transform the source text below into a passage in the style of an instruction \
manual: a section of a user guide, a standard operating procedure, a how-to handbook or a policy manual.

Requirements:
- Find the procedure in the source (a task, a process, a method, rules to follow, or a practical use of what it \
explains) and write the manual section someone carrying it out would need. If the source is not procedural, \
write a guide to a realistic task that depends on its content (how to apply, check, plan for or comply with \
it), and work the source's facts into the steps.
- Include: a heading; a short statement of purpose and scope; prerequisites or materials where relevant; \
numbered steps in the order they must be done, with conditions where they apply ("If the indicator stays red, \
..."); notes and warnings; and a short troubleshooting or frequently-asked-questions section.
- Keep the source's facts, figures and constraints accurate, and keep any safety warnings it gives. Do not \
invent risky procedures (medical, electrical, chemical, legal) that the source does not support.
- Plain text with simple headings and numbered lists. 300 to 800 words.`;

const LONG_TEXT = `Expand the source text below into a longer, richer passage on the same subject.

Requirements:
- Keep everything the source says: its facts, claims, names, numbers and the order of its main ideas all remain \
true in your passage.
- Add information consistent with the source and with itself: background and context, causes and consequences, \
concrete examples, comparisons, explanations of terms, and, where they fit, further dates, figures, people or \
events. Draw on well-established knowledge; when you add an illustrative detail you are not sure of, keep it \
general rather than attributing invented specifics to real people or organizations.
- Write well-organized expository prose in several paragraphs with clear transitions. It must read as one \
coherent text, not as the source with notes appended.
- Aim for about twice the length of the source, between 600 and 1,500 words. If the source is already long, add \
depth to its most important parts rather than lengthening every part.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert writer of reading-comprehension test items, experienced with the LSAT, \
GRE, SAT and DROP question families. You write questions about one given passage, all of one question type.

How the questions will be used: a student is shown the passage and then one of your questions, and must answer \
from the passage alone. Therefore each question must:
- Not reproduce the passage. The student already has it. Never paste it, summarize it at length, or say "Read \
the following passage". Refer to it by what it is: "the passage", "the debate", "the transcript", "the poem", \
"the conversation". Short exact quotations (a phrase or one sentence) to point at a part of it are fine. Locate \
parts by quoting their opening words, not by line or paragraph numbers the passage does not show.
- Be otherwise self-contained: include every option, statement, item, list or scenario the student needs, in \
full.
- Be answerable from the passage alone, with one defensible answer. No outside facts may be needed; common \
sense, word meanings and arithmetic may be.
- Make the expected answer form clear, usually in a closing sentence whose wording you vary ("Give the letter \
only.", "Answer with a number of years.", "Answer in 150 to 250 words."). A multiple-choice question whose \
options make the form obvious may leave it out.
- Never contain or hint at its answer: no "Correct answer:", no explanation, no marked option.

For multiple-choice questions: label the options with letters as the type prescribes, one option per line; \
exactly one option is correct; distractors are plausible and tempting to a careless reader but clearly wrong on a \
careful reading; never use "all of the above" or "none of the above"; vary which letter is correct.

Do not name the question type or test ("LSAT", "weaken question") in the question, and write no preface, \
numbering or commentary around the questions. Write in the language of the passage.`;

const INSTRUCT_GUIDELINES = `- The questions must all be different: each targets a different part, fact, claim or \
relation of the passage, and no two could share an answer or an explanation.
- Prefer questions that need careful reading (combining statements, noticing a qualifier, following the \
reasoning) over ones answered by matching a single phrase.
- Never invent passage content: anything a question attributes to the passage (a claim, a figure, a speaker, a \
quotation) must be in it, and quotations must be exact.
- Answer each question yourself from the passage alone: for multiple choice, confirm that exactly one option is \
right and find in the passage why each of the others is wrong; for numbers and dates, do the arithmetic from \
the figures as the passage states them.`;

// ---------------------------------------------------------------------------------------------------------
// Question taxonomy: the 14 published types first, then ours.
// ---------------------------------------------------------------------------------------------------------

// Goals that do not fit every type. A question about the whole passage or the sense of one of its parts (its
// point, organization or tone, the purpose of a paragraph, what an image or an ironic remark conveys) always has
// an answer, so it cannot be made unanswerable; a title, a summary, an essay or a fact/opinion label does not
// turn on one detail the passage could change.
const ALWAYS_ANSWERABLE = ["answer_changes", "harder_question"];
const HARDER_ONLY = ["harder_question"];

const PUBLISHED_TYPES = [
  {
    name: "literal_comprehension",
    definition:
      "Asks for information the passage states explicitly: a fact, name, figure, reason, or a list of items. " +
      "A good question has one short answer that can be verified in one or two places of the passage. The " +
      "answer form is a short answer (a word, phrase or sentence) or a short list, and the question says which.",
    examples: [
      "According to the passage, which two conditions must be met before the permit is issued? Answer with a " +
        "short list.",
      "What reason does the passage give for closing the swimming pool in March? Answer in one sentence.",
      "Who, according to the conversation, first suggested moving the market to the square? Give the name only.",
    ],
  },
  {
    name: "numerical_discrete_reasoning",
    definition:
      "A DROP-style arithmetic question: its answer is a number computed (sum, difference, percentage, " +
      "average, ratio) from two or more quantities (amounts, counts, prices, measurements) stated in " +
      "different places of the passage; it cannot be answered by copying a single number. It does not compute " +
      "with dates or clock times, ask which entity has the larger value, or count the things the passage " +
      "mentions: other types do those. The answer form is a single number with its unit.",
    examples: [
      "How many more visitors did the museum receive in its second year than in its first? Answer with a " +
        "single number.",
      "By the end of the second weekend, what percentage of the festival's tickets had been sold? Round to " +
        "the nearest whole percent.",
      "On average, how many kilometres a day did the hikers cover over the three stages of the trail? Give the " +
        "answer in kilometres, to one decimal place.",
    ],
    transformations: FACTUAL,
  },
  {
    name: "critical_comprehension",
    definition:
      "Gives two statements about the purpose, viewpoint or reasoning of the author or a speaker (not mere " +
      "details): according to the passage exactly one is true and one is false, the false one a plausible " +
      "misreading. The answer form is a true/false pair: the student labels each statement True or False.",
    examples: [
      "Label each statement True or False according to the passage.\n" +
        "1) The author describes the new policy mainly to argue that it should be extended.\n" +
        "2) The author believes critics have overstated the policy's costs.\n" +
        "Answer in the form '1) True, 2) False'.",
      "Based on the conversation, is each of these statements about Priya's reasoning true or false?\n" +
        "1) Priya mentions the cost of childcare to show that the job offer is less generous than it looks.\n" +
        "2) Priya argues that salary should be the only factor in choosing a job.",
      "Decide whether each statement is True or False, judging by the narrator's account.\n" +
        "1) The narrator tells the story of the flood chiefly to praise the volunteers.\n" +
        "2) The narrator considers the council's response to have been adequate.\n" +
        "Write one label per statement.",
    ],
  },
  {
    name: "evaluative_comprehension",
    definition:
      "An essay question asking the student to evaluate the passage: the strength of its argument or " +
      "evidence, the effectiveness of its structure or rhetoric, or the fairness of its treatment of a " +
      "subject, supported by specific parts of the passage. The answer form is a short essay of a stated length.",
    examples: [
      "In an essay of 150 to 250 words, evaluate how convincingly the author supports the claim that remote " +
        "work raises productivity, citing specific evidence from the passage.",
      "Would the guide's troubleshooting advice actually help a first-time user? Write an assessment of about " +
        "200 words that refers to at least two specific steps.",
      "How fairly does the piece treat the shop owners who opposed the pedestrian zone? Answer in two or " +
        "three paragraphs, drawing on the passage's wording and on what it leaves out.",
    ],
    goals: HARDER_ONLY,
  },
  {
    name: "vocabulary_and_language_use",
    definition:
      "A fill-in-the-blank item testing the meaning and use of a word or phrase in the passage: a sentence " +
      "about the passage's content, with the blank marked ____, that can only be completed correctly by " +
      "understanding how the passage uses a term (its meaning in context, a fitting synonym, or the word the " +
      "passage uses for a concept). The answer form is a word or short phrase; four options A-D may be given.",
    examples: [
      "Fill in the blank: The author calls the plan 'short-sighted' because it closes this year's budget gap " +
        "while ignoring ____ costs. Answer with one word.",
      "Complete the sentence with the word the coach uses for this idea: players who give up after a single " +
        "mistake are ____.\nA) brittle\nB) modest\nC) careless\nD) restless\nWhich option fills the blank?",
      "Fill in the blank: When the passage says the gardener is 'sparing' with water, it means that she uses " +
        "it ____. Give a word or short phrase.",
    ],
  },
  {
    name: "relationship_comprehension",
    definition:
      "A matching item: a numbered list of three to five items from the passage (people, groups, concepts, " +
      "events) and a lettered list of descriptions (positions, roles, causes, effects, attributes) in shuffled " +
      "order, possibly with one extra distractor. The answer form is pairs such as '1-C, 2-A'.",
    examples: [
      "Match each party to the position it takes in the passage.\n" +
        "1) Dr. Lee\n2) The mayor\n3) The union\n" +
        "A) wants the project delayed\nB) wants it cancelled\nC) supports it as proposed\nD) takes no position\n" +
        "Answer with pairs, for example '1-A'.",
      "Match each tool to the job the manual uses it for.\n" +
        "1) The trowel\n2) The spirit level\n3) The float\n4) The chalk line\n" +
        "A) marking a straight guide line on the wall\nB) smoothing the fresh plaster\n" +
        "C) checking that the shelf is horizontal\nD) spreading the mortar\nE) cutting the tiles\n" +
        "Give your answer as number-letter pairs.",
      "Each cause below produced one of the effects in the story. Pair them up.\n" +
        "1) The late frost\n2) The new road\n3) The school's closure\n" +
        "A) Families moved to the next valley.\nB) The cherry harvest failed.\nC) Tourists began to arrive.\n" +
        "Write your pairs like '2-B'.",
    ],
  },
  {
    name: "sequencing_events",
    definition:
      "An ordering item: four to six events, steps or arguments from the passage, listed in scrambled order " +
      "and labeled with letters; the student puts them in the order in which they happen, are performed or " +
      "are presented. The order must be determinable from the passage. The answer form is a sequence of letters.",
    examples: [
      "Put these events in the order in which they occurred according to the passage.\n" +
        "A) The factory closed.\nB) The river was cleaned up.\nC) New housing was built.\nD) The factory was sold.\n" +
        "Answer with a sequence of letters, for example 'B, D, A, C'.",
      "In what order does the manual tell you to do these steps?\n" +
        "A) Tighten the wheel nuts fully.\nB) Loosen the wheel nuts slightly.\nC) Raise the car with the jack.\n" +
        "D) Lower the car to the ground.",
      "Arrange the points the speaker makes in the order she makes them.\n" +
        "A) a story about her grandmother's garden\nB) a figure on household food waste\n" +
        "C) a call for a shared compost bin\nD) a neighbour's objection, which she answers\n" +
        "List the four letters, earliest first.",
    ],
  },
  {
    name: "strengthen",
    definition:
      "LSAT-style: names an argument in the passage and asks which option, if true, most strengthens it. Five " +
      "options (A)-(E) give new information not stated in the passage; exactly one most supports the " +
      "conclusion, the others are irrelevant, weaken it, or only seem to help. The answer form is one letter.",
    examples: [
      "Which one of the following, if true, most strengthens the columnist's argument that the new bike lanes " +
        "caused the drop in accidents?\n" +
        "(A) Cycling became more popular across the city.\n" +
        "(B) Accidents did not fall on streets that got no new lanes.\n" +
        "(C) Some drivers oppose the lanes.\n" +
        "(D) The lanes were expensive to build.\n" +
        "(E) Accidents had also fallen the year before.\n" +
        "Answer with a single letter.",
      "The manager concludes that a four-day week will reduce staff turnover. Which of the following, if true, " +
        "would most support this conclusion?\n" +
        "(A) Several employees have asked for longer holidays.\n" +
        "(B) The firm's competitors pay higher salaries.\n" +
        "(C) In exit interviews, most departing staff named long working weeks as their main reason for leaving.\n" +
        "(D) A four-day week would require new scheduling software.\n" +
        "(E) Turnover is higher in the sales team than elsewhere.",
      "Which one of the following, if true, provides the most support for the nutritionist's claim that the " +
        "new school menu improved pupils' concentration?\n" +
        "(A) Pupils say they prefer the new menu.\n" +
        "(B) Concentration improved only at the schools that adopted the menu, not at similar schools nearby.\n" +
        "(C) The new menu costs less than the old one.\n" +
        "(D) Some parents pack lunches for their children.\n" +
        "(E) Concentration is hard to measure.\n" +
        "Give the letter of your answer.",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "weaken",
    definition:
      "LSAT-style: names an argument in the passage and asks which option, if true, most seriously weakens it. " +
      "Five options (A)-(E) give new information not stated in the passage; exactly one most undermines the " +
      "link between premises and conclusion, the others are irrelevant, strengthen it, or miss its point. The " +
      "answer form is one letter.",
    examples: [
      "Which one of the following, if true, most seriously weakens the manager's claim that the price rise " +
        "caused the drop in sales?\n" +
        "(A) Customers had complained about prices for years.\n" +
        "(B) Sales fell just as much at branches that kept their prices unchanged.\n" +
        "(C) The price rise was announced in advance.\n" +
        "(D) Competitors also sell the product.\n" +
        "(E) The drop was largest among loyal customers.\n" +
        "Reply with A, B, C, D or E.",
      "The coach argues that the team's better results are due to the new training schedule. Which of the " +
        "following, if true, casts the most doubt on this argument?\n" +
        "(A) The players like the new schedule.\n" +
        "(B) The team's two injured stars returned in the same month the schedule changed.\n" +
        "(C) Other teams train more often.\n" +
        "(D) The schedule was designed by a former player.\n" +
        "(E) Results improved most in home games.\n" +
        "Which option is correct?",
      "Which one of the following, if true, most undermines the owner's reasoning that the new outdoor seating " +
        "explains the café's higher sales?\n" +
        "(A) Most of the extra sales were made indoors, during the winter months.\n" +
        "(B) The outdoor tables are popular with dog owners.\n" +
        "(C) The café also sells cakes to take away.\n" +
        "(D) Sales rose at breakfast as well as at lunch.\n" +
        "(E) The seating was cheaper than expected.\n" +
        "Give the letter only.",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "necessary_assumption",
    definition:
      "LSAT-style: asks which option is an assumption an argument in the passage requires, an unstated premise " +
      "without which the conclusion would not follow. Five options (A)-(E); exactly one is required, the " +
      "others are too strong to be necessary, irrelevant, or already stated. The answer form is one letter.",
    examples: [
      "The argument that extending the library's hours will attract more students depends on which one of " +
        "the following assumptions?\n" +
        "(A) At least some students would use the library during the extra hours.\n" +
        "(B) All students prefer to study at night.\n" +
        "(C) The library is the best place to study.\n" +
        "(D) Other libraries have extended their hours.\n" +
        "(E) Students never study at home.\n" +
        "Your answer should be a single letter.",
      "The engineer's recommendation to ban lorries from the bridge assumes which one of the following?\n" +
        "(A) Lorries are the only vehicles that use the bridge.\n" +
        "(B) Without lorry traffic, the cracks would spread more slowly than they do now.\n" +
        "(C) All bridges of this age have cracks.\n" +
        "(D) Lorry drivers will support the ban.\n" +
        "(E) Repairs would cost more than a ban.",
      "The argument that the village should hire a second nurse requires assuming that\n" +
        "(A) the current nurse cannot see every patient who needs care\n" +
        "(B) every resident will need a nurse next year\n" +
        "(C) nurses are better paid in the city\n" +
        "(D) the village has grown faster than any other\n" +
        "(E) a doctor would be too expensive\n" +
        "Choose one letter.",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "flaw",
    definition:
      "LSAT-style: asks which option most accurately describes a flaw in the reasoning of an argument in the " +
      "passage (correlation taken for causation, unrepresentative sample, equivocation, circularity, false " +
      "dilemma, attack on the person...). Five options (A)-(E) describe errors in abstract terms; exactly one " +
      "fits the argument. The answer form is one letter.",
    examples: [
      "The reasoning in the mayor's argument is most vulnerable to criticism on the grounds that it\n" +
        "(A) presumes that because two things occurred together, one caused the other\n" +
        "(B) relies on the testimony of an interested party\n" +
        "(C) uses a key term in two different senses\n" +
        "(D) assumes what it sets out to prove\n" +
        "(E) rejects a claim because of who made it\n" +
        "Answer with a single letter.",
      "The reviewer's argument is flawed because it\n" +
        "(A) takes the absence of evidence against a claim as proof of the claim\n" +
        "(B) draws a general conclusion from a few unrepresentative cases\n" +
        "(C) criticizes the source of a claim rather than the claim itself\n" +
        "(D) assumes that what holds for each part holds for the whole\n" +
        "(E) overlooks options other than the two it considers\n" +
        "Give the letter of your choice.",
      "A questionable technique in the tenant's argument is that it\n" +
        "(A) shifts between two meanings of the word 'fair'\n" +
        "(B) cites an authority on a matter outside that authority's expertise\n" +
        "(C) treats a necessary condition as if it were sufficient\n" +
        "(D) infers a cause from a mere sequence of events\n" +
        "(E) rejects a proposal only because it has not been tried before",
    ],
    transformations: LIKELY_FLAWED,
  },
  {
    name: "inference",
    definition:
      "A 'must be true' question: which option is logically guaranteed by the statements in the passage. Five " +
      "options (A)-(E); exactly one follows necessarily, the distractors are plausible but go beyond the " +
      "passage, reverse a relation or overgeneralize. The answer form is one letter.",
    examples: [
      "If the statements in the passage are true, which one of the following must also be true?\n" +
        "(A) Every member voted for the plan.\n" +
        "(B) At least one member who opposed the plan attended the meeting.\n" +
        "(C) The plan will be approved next year.\n" +
        "(D) Most members dislike the plan.\n" +
        "(E) The meeting was poorly attended.\n" +
        "Answer with the letter of the option that must be true.",
      "Which one of the following can be properly inferred from the information in the passage?\n" +
        "(A) All the garden centre's roses are grown on site.\n" +
        "(B) At least one of the plants on sale needs no watering in winter.\n" +
        "(C) The garden centre will open a second branch.\n" +
        "(D) Most customers prefer shrubs to flowers.\n" +
        "(E) The garden centre's prices are the lowest in town.\n" +
        "Give only the letter.",
      "If everything the speakers say is accurate, which of the following must be true?\n" +
        "(A) The bus will be late tomorrow.\n" +
        "(B) Lena took the earlier train on Monday.\n" +
        "(C) Nobody in the office drives to work.\n" +
        "(D) The station has two platforms.\n" +
        "(E) Marco dislikes the new timetable.",
    ],
  },
  {
    name: "principle",
    definition:
      "LSAT-style: asks which general principle, if valid, most helps to justify the reasoning, judgment or " +
      "recommendation in the passage (or which principle it illustrates). Five options (A)-(E) are general " +
      "rules, not about the passage's particular subject; exactly one fits. The answer form is one letter.",
    examples: [
      "Which one of the following principles, if valid, most helps to justify the council's decision to delay " +
        "the vote?\n" +
        "(A) Decisions that affect many people should wait until those people have been consulted.\n" +
        "(B) Elected officials should always follow the majority view.\n" +
        "(C) Costly projects should never be approved.\n" +
        "(D) Any delay harms public trust.\n" +
        "(E) Technical decisions should be left to experts.\n" +
        "Answer with one letter, (A) to (E).",
      "The coach's decision to bench the captain conforms most closely to which one of the following " +
        "principles?\n" +
        "(A) Rules should apply equally to every member of a group, whatever their role.\n" +
        "(B) Leaders should be chosen by those they lead.\n" +
        "(C) Results matter more than fairness.\n" +
        "(D) Decisions about children should be discussed with their parents.\n" +
        "(E) Experience earns special privileges.\n" +
        "Give the letter.",
      "Which one of the following general principles, if valid, would most help to justify the landlord's " +
        "refusal to return the deposit?\n" +
        "(A) Whoever causes damage beyond normal wear should pay for its repair.\n" +
        "(B) Owners may set any rules they like for their property.\n" +
        "(C) Deposits should be as small as possible.\n" +
        "(D) Written agreements are always fair.\n" +
        "(E) People should be allowed to keep pets where they live.",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "method_of_reasoning",
    definition:
      "LSAT-style: asks how an argument in the passage proceeds, its technique (analogy, counterexample, " +
      "eliminating alternatives, appeal to a general principle, questioning the evidence...). Five options " +
      "(A)-(E) describe techniques in abstract terms; exactly one describes what the arguer actually does. The " +
      "answer form is one letter.",
    examples: [
      "The historian responds to the critic by\n" +
        "(A) offering a counterexample to the critic's generalization\n" +
        "(B) questioning the critic's motives\n" +
        "(C) drawing an analogy to a similar case\n" +
        "(D) showing that the critic's claim leads to a contradiction\n" +
        "(E) appealing to popular opinion\n" +
        "Give the letter of the best description.",
      "Which one of the following most accurately describes the technique the nutritionist uses to make her " +
        "point?\n" +
        "(A) She rules out every alternative explanation but one.\n" +
        "(B) She generalizes from a single personal experience.\n" +
        "(C) She relies on an analogy between two cases.\n" +
        "(D) She shows that an opposing claim contradicts itself.\n" +
        "(E) She appeals to the authority of a famous chef.",
      "The councillor's argument proceeds by\n" +
        "(A) applying a general rule to a particular case\n" +
        "(B) citing a precedent and arguing that the present case differs from it\n" +
        "(C) questioning the accuracy of an opponent's figures\n" +
        "(D) predicting the consequences of rejecting the proposal\n" +
        "(E) redefining a key term\n" +
        "Select one letter.",
    ],
    transformations: ARGUMENTATIVE,
  },
];

const OUR_TYPES = [
  // Argument analysis (LSAT Logical Reasoning families).
  {
    name: "sufficient_assumption",
    definition:
      "LSAT-style: asks which option, if assumed, would allow the conclusion of an argument in the passage to " +
      "be properly drawn, making the argument valid. Five options (A)-(E); exactly one closes the gap between " +
      "premises and conclusion completely, the others merely help, are necessary but not enough, or are off " +
      "topic. The answer form is one letter.",
    examples: [
      "The conclusion that the bakery will close follows logically if which one of the following is assumed?\n" +
        "(A) Every business that loses its lease closes.\n" +
        "(B) Some bakeries have closed recently.\n" +
        "(C) The bakery's rent is high.\n" +
        "(D) The owner wants to retire.\n" +
        "(E) Customers prefer the new supermarket.\n" +
        "Answer with a single letter.",
      "Which one of the following, if assumed, enables the conclusion that the concert will be cancelled to be " +
        "properly drawn?\n" +
        "(A) Any outdoor concert is cancelled when a storm is forecast.\n" +
        "(B) Storms are common in July.\n" +
        "(C) The band has cancelled concerts before.\n" +
        "(D) Some ticket holders have asked for refunds.\n" +
        "(E) The stage has no roof.\n" +
        "Give the letter of your choice.",
      "The tutor's conclusion that Jun will pass the exam would follow logically if which one of the following " +
        "were assumed?\n" +
        "(A) Every student who completes all the practice papers passes the exam.\n" +
        "(B) Jun has studied harder than last year.\n" +
        "(C) Most students pass the exam.\n" +
        "(D) The exam is easier this year.\n" +
        "(E) Jun's teacher expects him to pass.",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "paradox_resolution",
    definition:
      "LSAT-style: names an apparent discrepancy in the passage (two facts that seem to conflict, or a " +
      "surprising result) and asks which option, if true, most helps to explain it. Five options (A)-(E); " +
      "exactly one lets both facts hold together, the others restate one side or deepen the puzzle. The " +
      "answer form is one letter.",
    examples: [
      "Which one of the following, if true, most helps to explain why hospital admissions rose after the " +
        "safety law took effect even though accidents fell?\n" +
        "(A) The law requires anyone involved in an accident to be examined at a hospital.\n" +
        "(B) Accidents also fell in neighboring regions.\n" +
        "(C) Some drivers ignore the law.\n" +
        "(D) The law was unpopular when it passed.\n" +
        "(E) Most accidents happen at night.\n" +
        "Indicate your answer by its letter.",
      "The new bus service is widely used, yet traffic in the town centre has not decreased. Which one of the " +
        "following, if true, best resolves this apparent conflict?\n" +
        "(A) Most bus passengers used to walk or cycle into the centre.\n" +
        "(B) The buses run every ten minutes.\n" +
        "(C) Traffic is heavier in summer.\n" +
        "(D) Some residents find the buses uncomfortable.\n" +
        "(E) The service cost more than expected.\n" +
        "Which option is correct?",
      "Which of the following, if true, would most help to reconcile the shop's rising sales with the fall in " +
        "the number of customers it served?\n" +
        "(A) The average customer spent much more per visit.\n" +
        "(B) The shop opened later in the day.\n" +
        "(C) Many customers were tourists.\n" +
        "(D) The shop's rent increased.\n" +
        "(E) A rival shop nearby closed.",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "evaluate_argument",
    definition:
      "LSAT-style: asks which question would be most useful to answer in order to evaluate an argument in the " +
      "passage. Five options (A)-(E) phrased as questions; exactly one has an answer that would strengthen or " +
      "weaken the argument depending on what it turns out to be, the others are irrelevant to its reasoning. " +
      "The answer form is one letter.",
    examples: [
      "Which one of the following would it be most useful to know in evaluating the claim that the tutoring " +
        "program raised test scores?\n" +
        "(A) Whether students who were not tutored improved as much over the same period\n" +
        "(B) How many tutors the program employed\n" +
        "(C) Whether the tutors enjoyed the work\n" +
        "(D) Which subjects the school offers\n" +
        "(E) How the program was advertised\n" +
        "Answer with a single letter.",
      "The answer to which one of the following questions would most help in assessing the gardener's argument " +
        "that coffee grounds made her tomatoes grow larger?\n" +
        "(A) Did tomatoes grown in the same soil without coffee grounds also grow larger this year?\n" +
        "(B) What brand of coffee does she drink?\n" +
        "(C) Are tomatoes the most popular garden vegetable?\n" +
        "(D) How long has she been gardening?\n" +
        "(E) Do her neighbours grow tomatoes too?\n" +
        "Give the letter of the most useful question.",
      "To evaluate the airline's claim that its new boarding method shortens delays, it would be most useful " +
        "to determine\n" +
        "(A) whether delays also fell at airlines that kept their old method\n" +
        "(B) how many passengers the airline carries each year\n" +
        "(C) whether the cabin crew like the new method\n" +
        "(D) when the method was first proposed\n" +
        "(E) how much the airline spent on advertising it",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "role_of_statement",
    definition:
      "LSAT-style: quotes one claim (a single sentence or clause) from the passage and asks what role it plays " +
      "in the argument: main conclusion, intermediate conclusion, supporting premise, a view the arguer " +
      "rejects, a concession, or an illustration. Five options (A)-(E) describe roles in the argument's " +
      "structure; exactly one is correct. The answer form is one letter.",
    examples: [
      "The claim that 'most voters never read the full proposal' plays which one of the following roles in " +
        "the argument?\n" +
        "(A) It is the argument's main conclusion.\n" +
        "(B) It is a premise offered in support of the main conclusion.\n" +
        "(C) It is a view the author sets out to refute.\n" +
        "(D) It is a concession to an opposing view.\n" +
        "(E) It illustrates a general principle the argument relies on.\n" +
        "Answer with the letter of the correct description.",
      "In the debate, the remark that 'rents have doubled in ten years' serves primarily to\n" +
        "(A) support the conclusion that the city should build more housing\n" +
        "(B) state the conclusion of the speaker's argument\n" +
        "(C) present a view the speaker goes on to reject\n" +
        "(D) concede a point to the opposing side\n" +
        "(E) define a term used later in the argument",
      "Which one of the following most accurately describes the role played in the columnist's argument by " +
        "the statement that the shortcuts through the park are unlit?\n" +
        "(A) It is a premise supporting the claim that the park needs lighting.\n" +
        "(B) It is an intermediate conclusion drawn from the accident figures.\n" +
        "(C) It is the argument's main conclusion.\n" +
        "(D) It is an objection that the columnist dismisses.\n" +
        "(E) It is an example illustrating a general claim.\n" +
        "State the letter of the correct role.",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "parallel_reasoning",
    definition:
      "LSAT-style: asks which option reasons in the way most similar to an argument in the passage. Five " +
      "options (A)-(E) are short arguments on unrelated subjects; exactly one matches the argument's logical " +
      "pattern (kinds of premises, conclusion, qualifiers such as 'most' or 'probably'), the others share only " +
      "its subject or part of its structure. The answer form is one letter.",
    examples: [
      "Which one of the following is most similar in its reasoning to the coach's argument?\n" +
        "(A) All the peppers in this bed are ripe, so the pepper Ana picked from it is ripe.\n" +
        "(B) Most peppers are ripe by August, so this pepper will be ripe in August.\n" +
        "(C) Ana picks only ripe peppers, so the pepper she picked is probably red.\n" +
        "(D) Ripe peppers are red, and this pepper is red, so it is ripe.\n" +
        "(E) If the summer is warm, peppers ripen early; the summer was cool, so they ripened late.\n" +
        "Answer with a single letter.",
      "Which one of the following arguments is most similar in its pattern of reasoning to the engineer's?\n" +
        "(A) If it rains, the match is postponed, and if the match is postponed, the final moves to May; so if " +
        "it rains, the final moves to May.\n" +
        "(B) If it rains, the match is postponed; the match was postponed, so it rained.\n" +
        "(C) Matches are usually postponed in rain, so this one will probably be postponed.\n" +
        "(D) Either the match is postponed or the pitch is covered; the pitch was covered, so the match went " +
        "ahead.\n" +
        "(E) Every match postponed in the past was replayed, so this one will be replayed.\n" +
        "Which option is correct?",
      "The reasoning in which one of the following is most parallel to that in the nurse's argument?\n" +
        "(A) Most volunteers are students, and most students are free on Fridays, so most volunteers are free " +
        "on Fridays.\n" +
        "(B) Every volunteer signed the form, and Ola signed the form, so Ola is a volunteer.\n" +
        "(C) Few volunteers drive, so the event must be held near a bus stop.\n" +
        "(D) Last year's volunteers enjoyed the event, so this year's will too.\n" +
        "(E) No volunteer is paid, and Ola is paid, so Ola is not a volunteer.",
    ],
    transformations: ARGUMENTATIVE,
  },
  {
    name: "parallel_flaw",
    definition:
      "LSAT-style: an argument in the passage commits a reasoning error; asks which option contains flawed " +
      "reasoning most similar to it. Five options (A)-(E) are short arguments on unrelated subjects; exactly " +
      "one commits the same error in the same way, the others are valid or commit a different error. The " +
      "answer form is one letter.",
    examples: [
      "The flawed pattern of reasoning in the spokesperson's argument is most similar to which one of the " +
        "following?\n" +
        "(A) Everyone who ran the race trained hard; Sam trained hard, so Sam ran the race.\n" +
        "(B) No one who trains hard loses; Sam lost, so Sam did not train hard.\n" +
        "(C) Sam won twice, so Sam will win every race.\n" +
        "(D) Sam's coach says Sam is fast, so Sam is fast.\n" +
        "(E) Either Sam trains or Sam loses; Sam trained, so Sam won.\n" +
        "Reply with the letter only.",
      "Which one of the following contains an error of reasoning most like the one in the critic's argument?\n" +
        "(A) This restaurant is popular, so its food must be healthy.\n" +
        "(B) Every dish on the menu is cheap, so any meal of several dishes must be cheap.\n" +
        "(C) If the oven fails, dinner is late; the oven did not fail, so dinner was on time.\n" +
        "(D) No one complained about the meal, so everyone enjoyed it.\n" +
        "(E) All the cooks trained abroad, and Lin is a cook, so Lin trained abroad.\n" +
        "Give one letter.",
      "The flawed reasoning in the advertisement is most closely paralleled by which of the following?\n" +
        "(A) Most successful gardeners keep a diary, so keeping a diary will make you a successful gardener.\n" +
        "(B) All roses need sun; this plant needs sun, so it is a rose.\n" +
        "(C) Tomatoes grow well here, so peppers will too.\n" +
        "(D) The old spade broke, so every spade from that shop is poorly made.\n" +
        "(E) Either you water daily or the lawn dies; you water daily, so the lawn will thrive.",
    ],
    transformations: LIKELY_FLAWED,
  },
  {
    name: "point_at_issue",
    definition:
      "Two participants in the passage, named in the question, disagree; asks which option states the point " +
      "at issue between them: a claim one would accept and the other reject, according to what they say. Five " +
      "options (A)-(E); the distractors are claims both accept, only one addresses, or neither discusses. The " +
      "answer form is one letter.",
    examples: [
      "Based on their statements, Maria and Tom disagree over whether\n" +
        "(A) the festival should move to the spring\n" +
        "(B) the festival attracts tourists\n" +
        "(C) ticket prices have risen\n" +
        "(D) the town needs more parking\n" +
        "(E) volunteers should be paid\n" +
        "Which is it? Answer with a letter.",
      "The dialogue most strongly supports the claim that Rahul and Ines disagree about whether\n" +
        "(A) the gym's new opening hours suit most members\n" +
        "(B) the gym has raised its fees\n" +
        "(C) regular exercise improves sleep\n" +
        "(D) the gym should hire another trainer\n" +
        "(E) the changing rooms need repair",
      "On the basis of what they say, the two neighbours are committed to disagreeing about which one of the " +
        "following?\n" +
        "(A) The hedge between their gardens blocks too much light.\n" +
        "(B) The hedge was planted ten years ago.\n" +
        "(C) Gardens need regular care.\n" +
        "(D) The council should trim the street trees.\n" +
        "(E) Both gardens are the same size.\n" +
        "Give the letter of your choice.",
    ],
    transformations: MULTI_VOICE,
  },
  {
    name: "perspective_identification",
    definition:
      "Asks which participant or source in the passage holds a given view, or which of them would most likely " +
      "endorse a given statement, judged from the views they express rather than from words they repeat. Four " +
      "options A-D naming participants or sources; the distractors attribute the view to the wrong one. The " +
      "answer form is one letter.",
    examples: [
      "Based on their remarks, which participant would most likely agree that the outreach budget should be " +
        "cut?\n" +
        "A) the chair\nB) the treasurer\nC) the volunteer coordinator\nD) the guest speaker\n" +
        "Answer with the participant's letter.",
      "Which of the speakers would be most likely to object to replacing the paper forms with an app?\n" +
        "A) Hana, the receptionist\nB) Mr. Ortiz, the retired teacher\nC) Dev, the IT volunteer\n" +
        "D) the clinic manager\nGive one letter.",
      "Judging by the views they express, which source cited in the passage would most likely endorse the " +
        "statement 'Small farms use land more efficiently than large ones'?\n" +
        "A) the ministry's report\nB) the farmers' union\nC) the economist\nD) the supermarket chain",
    ],
    transformations: ARGUMENTATIVE,
  },
  // Global understanding (GRE / SAT reading families).
  {
    name: "main_point",
    definition:
      "Asks which statement most accurately expresses the main point of the passage: its main conclusion if " +
      "it argues, its central claim if it explains or narrates, its main outcome if it is a transcript. Four " +
      "options A-D, each a complete sentence stating a claim (not a title or a topic); the correct one " +
      "captures what the whole passage asserts or establishes, the distractors are true but minor details, " +
      "overstatements, or premises mistaken for the conclusion. The answer form is one letter.",
    examples: [
      "Which one of the following most accurately expresses the main point of the passage?\n" +
        "A) City parks lower summer temperatures.\n" +
        "B) Cities should fund parks because their cooling effect saves lives and money.\n" +
        "C) Planting trees is cheaper than installing air conditioning.\n" +
        "D) Some cities have too few parks.\n" +
        "Answer with a single letter.",
      "Which statement best captures what the meeting ultimately establishes?\n" +
        "A) The library's printers are old.\n" +
        "B) The library will replace its printers in stages, starting with the busiest floor, to stay within " +
        "budget.\n" +
        "C) Students print too much.\n" +
        "D) Next year's budget has been cut.\n" +
        "Give the letter of the best answer.",
      "The passage as a whole is mainly concerned with showing that\n" +
        "A) bees are the only insects that pollinate apple trees\n" +
        "B) orchards next to hedgerows yield more fruit because wild pollinators nest in the hedgerows\n" +
        "C) hedgerows are costly to maintain\n" +
        "D) apple harvests vary from year to year",
    ],
    goals: ALWAYS_ANSWERABLE,
  },
  {
    name: "author_attitude",
    definition:
      "Asks about the attitude or tone of the author, or of a named speaker, toward a specific subject in the " +
      "passage (cautious optimism, grudging respect, veiled contempt...). Four options A-D name attitudes, " +
      "including one too extreme and one of the wrong polarity; the correct one is supported by specific " +
      "wording. The answer form is one letter.",
    examples: [
      "The author's attitude toward the new regulations is best described as\n" +
        "A) enthusiastic endorsement\nB) cautious approval\nC) resigned indifference\nD) outright hostility\n" +
        "Which description fits best? Answer with its letter.",
      "Which of the following best describes Dr. Mensah's attitude toward the survey's results?\n" +
        "A) unqualified confidence\nB) measured scepticism\nC) amused contempt\nD) complete indifference\n" +
        "Answer with A, B, C or D.",
      "The narrator's tone in describing the new shopping centre can best be characterized as\n" +
        "A) admiring\nB) gently mocking\nC) bitterly angry\nD) neutral and factual",
    ],
    goals: ALWAYS_ANSWERABLE,
  },
  {
    name: "title_selection",
    definition:
      "Asks which title best fits the passage as a whole. Four options A-D, each a short title or headline " +
      "(a phrase of two to ten words, not a sentence summarizing the content) suited to the passage's form: a " +
      "headline for a satirical article, a heading for a manual section, a title for a poem or an essay. The " +
      "correct title captures both the passage's subject and its angle, stance or tone; the distractors are " +
      "too broad, too narrow (one detail), or misrepresent the stance or the tone. The answer form is one letter.",
    examples: [
      "Which of the following is the most appropriate title for the passage?\n" +
        "A) A History of Bridges\nB) Why the Old Bridge Should Be Repaired, Not Replaced\n" +
        "C) Steel Prices in Recent Years\nD) The Dangers of Modern Engineering\n" +
        "Answer with one letter.",
      "Which headline would suit the article best?\n" +
        "A) Local Man Discovers Queueing, Declares It an Olympic Sport\nB) Supermarkets Extend Opening Hours\n" +
        "C) A Study of Retail Employment\nD) Shoppers Furious Over Price Rises\nGive the letter only.",
      "Of the following, which is the best title for the poem?\n" +
        "A) Winter\nB) The Lighthouse Keeper's Last Night\nC) Ships and Their Cargo\nD) A Guide to Coastal Weather",
    ],
    goals: HARDER_ONLY,
  },
  {
    name: "summarization",
    definition:
      "Asks the student to summarize the passage, or a named part of it, within a stated length, keeping the " +
      "main points and key supporting details in the student's own words and adding nothing the passage does " +
      "not say. The answer form is a summary of the stated length.",
    examples: [
      "Summarize the passage's argument in no more than three sentences, keeping its main conclusion and its " +
        "two strongest reasons.",
      "In about 80 words, summarize what the meeting decided and who is responsible for each task.",
      "Summarize the section that begins 'Before you start' in a single paragraph of at most 100 words, for a " +
        "reader who will not see the full text.",
    ],
    goals: HARDER_ONLY,
  },
  {
    name: "text_structure",
    definition:
      "Asks how the passage as a whole is organized (problem then solutions, chronological account, claim " +
      "followed by objections and replies, comparison of two views, rule then exceptions...). Four options A-D " +
      "describe organizations in general terms; exactly one fits the entire passage. The answer form is one " +
      "letter.",
    examples: [
      "Which of the following best describes the organization of the passage?\n" +
        "A) A problem is described and several solutions are compared.\n" +
        "B) Events are recounted in chronological order.\n" +
        "C) A theory is stated and then refuted.\n" +
        "D) Two opposing views are presented without resolution.\n" +
        "Choose the letter that fits.",
      "How is the passage organized?\n" +
        "A) A general rule is stated, and then its exceptions are listed.\n" +
        "B) Two inventions are compared point by point.\n" +
        "C) A personal story leads into a broader argument.\n" +
        "D) A question is posed and left unanswered.",
      "Which one of the following best describes the overall structure of the debate?\n" +
        "A) Each side states a position, both are tested against the same evidence, and the moderator sums up " +
        "without a verdict.\n" +
        "B) One speaker presents a proposal step by step and the others only ask questions.\n" +
        "C) The speakers recount events in the order in which they happened.\n" +
        "D) A claim is made and every participant comes to accept it.\n" +
        "Give the letter.",
    ],
    goals: ALWAYS_ANSWERABLE,
  },
  {
    name: "paragraph_purpose",
    definition:
      "Asks what one paragraph, stanza, section or speaker turn (a whole part of the passage, not a single " +
      "claim) does within the passage as a whole: raises an objection, gives an example for the preceding " +
      "claim, shifts from problem to solution, changes the scene... It identifies the part by its opening " +
      "words. Four options A-D; exactly one is correct. The answer form is one letter.",
    examples: [
      "The paragraph beginning 'Not everyone agrees' serves mainly to\n" +
        "A) raise an objection that the author then answers\nB) summarize the evidence presented so far\n" +
        "C) offer a personal anecdote\nD) define a key term\n" +
        "Pick one letter.",
      "What is the main function of the stanza that opens 'But in the town the bells were still'?\n" +
        "A) It moves the scene from the sea to the people waiting on land.\n" +
        "B) It describes the storm in greater detail.\n" +
        "C) It introduces the poem's speaker.\n" +
        "D) It explains why the ship sank.\n" +
        "Give one letter.",
      "In the transcript, Ms. Duval's turn beginning 'Before we vote' mainly serves to\n" +
        "A) propose a compromise between the two plans\nB) challenge the figures the treasurer presented\n" +
        "C) close the meeting\nD) introduce a new agenda item",
    ],
    goals: ALWAYS_ANSWERABLE,
  },
  {
    name: "answerable_question",
    definition:
      "Gives four questions on the passage's subject and asks which one the passage provides enough " +
      "information to answer; the other three are natural questions the passage leaves open. It trains " +
      "telling stated from unstated information. The answer form is one letter.",
    examples: [
      "The passage provides enough information to answer which of the following questions?\n" +
        "A) How many people attended the first festival?\nB) Who founded the festival?\n" +
        "C) Why was the festival moved to August?\nD) How much do tickets cost?\n" +
        "Write the letter of that question.",
      "Which one of these questions can be answered from the information in the passage?\n" +
        "A) What colour was the original ferry?\nB) How long does the crossing take in good weather?\n" +
        "C) Who owns the ferry company today?\nD) How many passengers travelled last year?\n" +
        "Give the letter.",
      "For which of the following questions does the passage supply an answer?\n" +
        "A) Why did the choir stop performing in the cathedral?\nB) How many members did the choir have in its " +
        "first year?\nC) Where does the choir rehearse now?\nD) Who wrote the choir's first song?",
    ],
  },
  // Details, evidence and language.
  {
    name: "not_mentioned",
    definition:
      "An EXCEPT question: asks which option the passage does NOT state or support, while each of the others " +
      "is stated or supported somewhere in it. Four options A-D; the correct one is plausible and on topic, " +
      "so that only checking the passage rules it out. The answer form is one letter.",
    examples: [
      "The passage mentions each of the following as a benefit of the new schedule EXCEPT\n" +
        "A) lower energy costs\nB) shorter commutes\nC) higher wages\nD) more time with family\n" +
        "Answer with one letter.",
      "Each of the following is given in the passage as a reason for the delay EXCEPT:\n" +
        "A) a shortage of steel\nB) a strike at the port\nC) heavy rain in the spring\nD) a change in the design",
      "Which one of the following does the conversation NOT mention as something Ana packed for the trip?\n" +
        "A) a raincoat\nB) a map\nC) a camera\nD) walking boots\n" +
        "Give the letter of your choice.",
    ],
  },
  {
    name: "textual_evidence",
    definition:
      "SAT-style command of evidence: states a claim about the passage (a speaker's view, the author's " +
      "reasoning, a character's motive) and asks which quotation best supports it. Four options A-D, each a " +
      "short exact quotation from the passage; exactly one gives direct support, the others are related but " +
      "do not support the claim. The answer form is one letter.",
    examples: [
      "Which quotation from the passage best supports the claim that the engineer doubts the project's " +
        "schedule?\n" +
        "A) 'We have the funding in place.'\nB) 'Frankly, twelve months is wishful thinking.'\n" +
        "C) 'The design is nearly final.'\nD) 'The team works well together.'\n" +
        "Answer A, B, C or D.",
      "Which quotation best supports the idea that the narrator regrets selling the farm?\n" +
        "A) 'The buyers were pleasant people.'\nB) 'I still drive past it some evenings and slow down.'\n" +
        "C) 'The price was fair for the time.'\nD) 'The barn needed a new roof.'\n" +
        "Give the letter of the quotation.",
      "The coach believes the team's problem is fitness, not skill. Which line from the conversation provides " +
        "the strongest evidence for this?\n" +
        "A) 'The fans have been patient with us.'\nB) 'By the last twenty minutes, half of them can barely run.'\n" +
        "C) 'Our new striker is settling in.'\nD) 'We've lost three matches in a row.'",
    ],
  },
  {
    name: "fact_or_opinion",
    definition:
      "Lists three to five statements taken or closely paraphrased from the passage and asks the student to " +
      "classify each as Fact (verifiable) or Opinion (a judgment, prediction or value claim), mixing both " +
      "kinds. The answer form is each statement's number followed by Fact or Opinion.",
    examples: [
      "Classify each statement from the passage as Fact or Opinion.\n" +
        "1) The bridge opened in 1998.\n2) It is the most beautiful bridge in the region.\n" +
        "3) Traffic on it doubled within five years.\n" +
        "Answer in the form '1) Fact, 2) Opinion, ...'.",
      "Which of these statements from the debate are facts and which are opinions?\n" +
        "1) The city spent two million on the stadium.\n2) The stadium was a waste of money.\n" +
        "3) Attendance fell by a third last season.\n" +
        "Write Fact or Opinion after each number.",
      "Label each statement taken from the passage as a fact or an opinion.\n" +
        "1) The recipe was first published in 1962.\n2) Nothing beats a homemade pie.\n" +
        "3) The original recipe bakes the pie for forty minutes.\n4) Most modern versions use too much sugar.",
    ],
    transformations: NOT_POEM,
    // The label belongs to the statement, not to the passage: an edit to the passage cannot remove or change it.
    goals: HARDER_ONLY,
  },
  {
    name: "reference_resolution",
    definition:
      "Asks what a pronoun or referring expression in the passage ('it', 'this approach', 'the latter', 'the " +
      "former group') refers to, where resolving it needs the surrounding text rather than the nearest noun. " +
      "The question quotes enough of the sentence to locate the expression. The answer form is a short " +
      "phrase naming the referent, or one letter if four options A-D are given.",
    examples: [
      "In the sentence 'This proved far cheaper than the alternative', what does 'This' refer to? Answer with " +
        "a short phrase.",
      "When the speaker says 'the latter would take twice as long', what does 'the latter' refer to?\n" +
        "A) the train\nB) the ferry\nC) the coach\nD) the flight\nGive one letter.",
      "What does 'that group' refer to in the sentence 'Only that group was allowed to vote on the change'? " +
        "Name it in a few words.",
    ],
  },
  {
    name: "figurative_language",
    definition:
      "Quotes a figure of speech from the passage (metaphor, simile, personification, hyperbole, a sustained " +
      "image) and asks what it says about its subject: what is compared with what, or what is exaggerated, and " +
      "what that conveys in context. Interpreting it needs the surrounding text. It is about the writer's " +
      "imagery, not about what a speaker means to do by a remark. The answer form is one or two sentences, or " +
      "one letter from four options A-D each giving an interpretation, as the question states.",
    examples: [
      "What does the speaker suggest by calling the city 'a clock that has forgotten its hands'?\n" +
        "A) The city is very old.\nB) The city is busy but without direction.\n" +
        "C) The city has many clock towers.\nD) The city is quiet at night.\n" +
        "Choose A, B, C or D.",
      "The poem calls the harbour 'a mouth that swallows boats at dusk'. What does this metaphor compare the " +
        "harbour to, and what does it suggest about it? Answer in one or two sentences.",
      "The author says the motorway 'eats a field a week'. What is exaggerated here, and what does the " +
        "exaggeration express about the author's view? Answer in two sentences.",
    ],
    transformations: IMAGERY,
    goals: ALWAYS_ANSWERABLE,
  },
  {
    name: "implied_meaning",
    definition:
      "Quotes a remark by a speaker or the narrator whose intended meaning differs from what it literally " +
      "says (irony, sarcasm, understatement, a hint, an indirect refusal, request or criticism) and asks what " +
      "the speaker actually means or is trying to do. The intent follows from the situation, who is speaking " +
      "and to whom, not from decoding an image. Four options A-D, including the literal reading as a " +
      "distractor. The answer form is one letter.",
    examples: [
      "When Jordan says 'Oh, great, another meeting about meetings', Jordan most likely means that\n" +
        "A) Jordan looks forward to the meeting\nB) Jordan thinks the meeting is unnecessary\n" +
        "C) Jordan wants more meetings\nD) Jordan has not heard about the meeting\n" +
        "Answer with a single letter.",
      "When the manager answers Omar's request for Friday off with 'We'll see', she is most likely\n" +
        "A) promising to decide on Friday\nB) signalling that the request will probably be refused\n" +
        "C) asking Omar to remind her later\nD) granting the request\nGive the letter.",
      "Ines tells her brother, 'I love how you always leave the dishes for me.' What is she really saying?\n" +
        "A) She enjoys washing the dishes.\nB) She is annoyed that he never washes up.\n" +
        "C) She wants to thank him.\nD) She thinks the dishes are already clean.",
    ],
    transformations: IRONY,
    goals: ALWAYS_ANSWERABLE,
  },
  {
    name: "sentence_insertion",
    definition:
      "Gives a new sentence that is not in the passage and asks where it would fit best. Four options A-D " +
      "each give a position by quoting the sentence it would follow; exactly one position fits logically and " +
      "cohesively (references, connectives, flow of topic). The answer form is one letter.",
    examples: [
      "Where would the following sentence fit best in the passage? 'As a result, the price of grain doubled " +
        "within a year.'\n" +
        "A) After 'The drought lasted three seasons.'\nB) After 'The region is known for its mild winters.'\n" +
        "C) After 'Farmers formed a cooperative.'\nD) After 'The museum opened in 1950.'\n" +
        "Answer with the letter of the position.",
      "The sentence 'Without it, the dough would never rise.' could best be added after which of the " +
        "following sentences?\n" +
        "A) 'Yeast is a living organism.'\nB) 'Some bakers prefer rye flour.'\n" +
        "C) 'The shop opens at six.'\nD) 'Ovens vary in temperature.'\n" +
        "Choose one letter.",
      "Where is the best place to insert this sentence: 'Two of them never came back.'?\n" +
        "A) After 'Twelve boats left the harbour that morning.'\nB) After 'The weather had been calm all week.'\n" +
        "C) After 'The harbour master rang the bell.'\nD) After 'The town holds a festival every June.'",
    ],
    transformations: PROSE,
  },
  // Numbers and dates (DROP families).
  {
    name: "detail_counting",
    definition:
      "A DROP-style counting question: asks how many distinct things of a kind the passage mentions " +
      "(countries, steps, objections, speakers who agreed...), scattered through the passage so that they must " +
      "be found and counted; no number in the passage gives the count, and no arithmetic on stated figures is " +
      "needed. The answer form is a whole number, followed by the list of what was counted when the question " +
      "asks for it.",
    examples: [
      "How many different reasons for the delay does the passage give? Answer with a number, then list the " +
        "reasons.",
      "How many of the participants in the meeting speak in favour of the new parking rules? Give the number.",
      "Before reaching Lisbon, how many different countries does the traveller say she passed through? Answer " +
        "with a whole number.",
    ],
    transformations: FACTUAL,
  },
  {
    name: "date_arithmetic",
    definition:
      "A DROP-style date and time question: computes with dates, years, clock times, durations or ages stated " +
      "in the passage (the years between two events, how long a stage lasted, someone's age at an event, the " +
      "year of an event the passage dates only relative to another). The answer form is a number with its " +
      "unit (years, days, hours and minutes), or a date or a year, as the question specifies.",
    examples: [
      "How many years passed between the founding of the company and its first public share offering? " +
        "Answer with a number of years.",
      "How old was the architect when the town hall she designed was completed? Give her age in years.",
      "In which year did the second bridge open? Answer with a year.",
    ],
    transformations: FACTUAL,
  },
  {
    name: "numerical_comparison",
    definition:
      "A DROP-style comparison question: asks which of two or more entities in the passage has the larger, " +
      "smaller, earlier, later or longer value (or the largest...), where the values are stated in different " +
      "places, or must first be worked out (a change, a total, a rate), and are then compared. Its answer is " +
      "the entity, not a number. The answer form is the entity's name, as the question states.",
    examples: [
      "Which of the three regions described in the passage had the smallest increase in rainfall? Answer with " +
        "the region's name.",
      "Across the two matches the speakers describe, which team scored more goals in total, the Lions or the " +
        "Hawks?",
      "Of the bakeries mentioned in the passage, which one opened first? Give its name.",
    ],
    transformations: FACTUAL,
  },
  // Relations and reasoning beyond the text.
  {
    name: "cause_and_effect",
    definition:
      "Asks about a causal relation the passage states or clearly implies: what caused an outcome, or what an " +
      "event or action led to, including chains of causes whose ends may be far apart in the text. The " +
      "answer form is one or two sentences, or one letter from four options A-D, as the question states.",
    examples: [
      "According to the passage, what led the farmers to switch from wheat to barley? Answer in one or two " +
        "sentences.",
      "According to the transcript, why did the committee postpone the festival?\n" +
        "A) The main sponsor withdrew.\nB) The park was being renovated.\nC) Too few volunteers signed up.\n" +
        "D) The weather forecast was poor.\nAnswer with the letter.",
      "What effect did the new toll have on the small shops along the old road, according to the passage? " +
        "Answer in one sentence.",
    ],
  },
  {
    name: "compare_and_contrast",
    definition:
      "Asks how two things in the passage (people, positions, methods, periods, products) are alike or differ " +
      "in a stated respect; the question names both and the respect, and the answer draws on details about " +
      "both. The answer form is two to four sentences or a short list, as the question states.",
    examples: [
      "How does the first speaker's view of online classes differ from the second speaker's? Answer in two " +
        "or three sentences.",
      "In what ways are the two recipes in the passage alike in how they use butter? Give a short list.",
      "In three or four sentences, explain how the older and the newer heating systems described in the " +
        "passage differ in running cost and in noise.",
    ],
  },
  {
    name: "counterfactual",
    definition:
      "States a change to a fact, condition or event in the passage and asks what would most likely have " +
      "happened, or would follow, reasoning from the causes, rules or dependencies the passage states. The " +
      "answer form is one to three sentences with a brief justification, or one letter from four options A-D.",
    examples: [
      "Based on the passage, what would most likely have happened to the harvest if the spring had been dry? " +
        "Answer in one or two sentences, citing the passage's reasoning.",
      "Suppose the museum had not received the grant. Which of the following would most likely have followed, " +
        "according to the passage's account?\n" +
        "A) The east wing would have stayed closed.\nB) Ticket prices would have fallen.\n" +
        "C) The museum would have moved to another city.\nD) More paintings would have been bought.\n" +
        "Give the letter of the most likely outcome.",
      "If the ferry had run on schedule that night, would the team have reached the final? Explain in two or " +
        "three sentences, using the passage's reasoning.",
    ],
    transformations: NOT_POEM,
  },
  {
    name: "application_to_new_case",
    definition:
      "Describes a new, concrete situation not in the passage, in full, and asks the student to apply a rule, " +
      "procedure, definition or principle from the passage to it (whether it qualifies, which step comes " +
      "next, what the passage's logic recommends). The answer form is a short answer with a one-sentence " +
      "justification, or one letter from four options A-D.",
    examples: [
      "A customer bought the device 14 months ago and its screen has cracked. Under the warranty rules " +
        "described in the passage, is the repair covered? Answer yes or no, with a one-sentence justification.",
      "Under the borrowing rules the passage describes, which of these members may take out a fourth book " +
        "today?\n" +
        "A) a student who has returned every book on time\nB) a member with one overdue book\n" +
        "C) a member who borrowed three books this morning\nD) a visitor who forgot her card\n" +
        "Answer with the letter of your choice.",
      "A hiker reaches the ridge at 3 p.m. and sees clouds building in the west. According to the safety " +
        "guidance in the passage, what should she do next? Answer in one sentence and name the rule you applied.",
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of reading-comprehension test items. You are given an item \
(a passage and a question about it) and a refinement goal, and you propose concrete modifications that would \
turn the item into a new one meeting the goal. You do not write the new item: an editor will apply your \
suggestions.

A good suggestion:
- Is specific and actionable: it says exactly what to change and where (quote the sentence of the passage or the \
part of the question concerned) and what to change it into. A short replacement phrase is fine; a rewritten \
passage or question is not.
- Achieves the goal on its own, and leaves a valid item: a natural, coherent passage in its original form, and a \
question that is still self-contained, makes its answer form clear and (unless the goal is to make it \
unanswerable) has exactly one defensible answer from the passage.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal.`;

const SUGGEST_GUIDELINES = `For a multiple-choice question, work out also why each distractor is wrong: a \
suggestion may act on a distractor as well as on the correct option. In each outcome, name the new correct option, \
figure or answer, or say why no part of the passage answers the question any more.`;

const EDIT_SYSTEM = `You are an expert editor of reading-comprehension test items. You are given an item (a \
passage and a question about it), a refinement goal, and suggestions from a reviewer. You apply the suggestions \
and produce the revised item.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the item, skip \
it and keep the one that best serves the goal. The revised item must fully meet the goal.
- When you revise the passage, keep its form, voice and approximate length (a transcript stays a transcript, a \
poem stays a poem), keep it coherent and natural, and leave no trace of the edit: no markers such as [removed], \
no notes, no comments.
- The revised question follows the same rules as any question in the set: it does not repeat the passage; it \
includes every option, statement or item the student needs; it makes its answer form clear; it never reveals or \
hints at its answer. Unless the goal is to make it unanswerable, it has exactly one defensible answer from the \
revised passage.`;

const EDIT_GUIDELINES = `Check the goal against the revised passage sentence by sentence: that no statement, \
restatement, clue or figure still yields the answer (and no option is still supported) when the question must \
become unanswerable; that the answer really changed and the new one is unambiguous when it must change; that the \
question is really harder and still has one defensible answer when it must be harder.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert teacher answering a reading-comprehension question about a passage. \
Your answer will be shown to a student who gave you the passage and the question, as a model of careful reading \
and reasoning.

Work from the passage alone. General knowledge may serve only for word meanings, arithmetic and everyday logic, \
never to supply facts the passage does not give.

Reason step by step, in the way the question type calls for:
- Factual questions: point to the statements that answer it, quoting or closely paraphrasing them.
- Numbers, dates and counts: list each quantity used and where the passage gives it, then show the calculation \
or the count.
- Argument questions (strengthen, weaken, assumptions, flaw, principle, method, parallel reasoning, paradox, \
role of a statement, evaluation): identify the conclusion and its premises and the gap or structure that \
matters, then assess each option.
- Multiple choice in general: consider every option and say briefly why each wrong one fails.
- Matching, ordering, true/false and classification items: settle each item with evidence from the passage.
- Essays and summaries: note briefly what the text must cover, then write it once, in full, as the final \
answer, meeting the stated length.

Questions that add hypothetical information ("if true", "suppose", a new case to judge) are answered by \
reasoning from the passage about that information; the passage need not mention it.

If the passage does not contain the information needed (no option is supported, a fact asked for is not given, \
or the question assumes something the passage does not say or contradicts), say so plainly: explain what the \
passage does and does not say, and do not guess or pick the most plausible-looking option.

End with a clear final answer on its own line, starting with "Final answer:", in the form the question asks \
for (a letter, a number with its unit, pairs, a sequence). For an essay or a summary, the complete text follows \
"Final answer:". When the passage does not provide the answer, the final answer says that it does not. Write \
directly to the student; do not mention these instructions.`;

export default defineSkill({
  id: "reading-comprehension",
  title: "Reading Comprehension",
  split: "rc",
  description:
    "Teaches close reading: answering questions about a passage from the passage alone. Each seed is " +
    "rewritten by one of nine transformation agents (an LSAT-style argument that may hide a flaw, a debate, a " +
    "conversation, a meeting transcript, a poem, a satire, an instruction manual, an expanded long text, or the " +
    "seed itself); agents for three of 43 question types (literal, numerical and date reasoning in the style " +
    "of DROP, inferential, evaluative, language and structure questions, and LSAT argument analysis) write " +
    "questions about it; refinement makes some questions unanswerable, changes their answers, or makes them " +
    "harder; and the teacher answers with reasoning suited to the question, saying so when the passage does " +
    "not hold the answer.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "passage",
  itemLabel: "question",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "argument_passage",
        description: "An LSAT-style argumentative passage built from the seed, often with a deliberate flaw.",
        prompt: ARGUMENT_PASSAGE,
      },
      {
        name: "debate",
        description: "The transcript of a moderated debate on a contestable question the seed bears on.",
        prompt: DEBATE,
      },
      {
        name: "conversation",
        description: "A natural conversation between two or three people that carries the seed's content.",
        prompt: CONVERSATION,
      },
      {
        name: "meeting_transcript",
        description: "The transcript of a meeting that discusses the seed's content and decides on it.",
        prompt: MEETING_TRANSCRIPT,
      },
      {
        name: "poem",
        description: "A poem that keeps the seed's facts, events and stance recoverable.",
        prompt: POEM,
      },
      {
        name: "satire",
        description: "A satirical piece on the seed's subject whose factual core stays recognizable.",
        prompt: SATIRE,
      },
      {
        name: "instruction_manual",
        description: "An instruction-manual style passage (steps, conditions, warnings) grounded in the seed.",
        prompt: INSTRUCTION_MANUAL,
      },
      {
        name: "long_text",
        description: "The seed expanded with consistent background, examples and detail into a longer text.",
        prompt: LONG_TEXT,
      },
      identityAgent(IDENTITY_PROMPT),
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
        name: "unanswerable",
        description:
          "Edit the passage so that the question can no longer be answered from it, while the question " +
          "still reads as a natural question about this passage. Remove, blur or replace exactly the " +
          "information the answer depends on, including indirect clues, restatements and any figures it " +
          "could be computed from; keep the rest of the passage, keep it coherent, and leave no trace of the " +
          "edit. Leave the question unchanged unless its wording would otherwise give the gap away. For a " +
          "multiple-choice question, no option may remain supported by the passage. The correct response " +
          "then becomes that the passage does not say.",
        editsContent: true,
        repeatable: false,
        outcome: "unanswerable",
      },
      {
        name: "answer_changes",
        description:
          "Edit the passage so that the correct answer to the unchanged question becomes a different one, " +
          "ideally the opposite (true becomes false, a strengthener becomes irrelevant or a weakener, a " +
          "number changes, another option becomes correct). Change as little as needed, keep the passage " +
          "coherent and natural, and make sure the new answer is unambiguous and, if the question has " +
          "options, is one of them.",
        editsContent: true,
        repeatable: false,
        outcome: "changes",
      },
      {
        name: "harder_question",
        description:
          "Make the question, or its answer options, harder to answer correctly while it stays answerable " +
          "from the passage alone with exactly one defensible answer. Ways to do it: add a strong distractor " +
          "that is tempting on a quick reading, recast the question as a hypothetical or conditional, require " +
          "an extra reasoning step (combining two distant facts, one more calculation, an EXCEPT form), or " +
          "move it to a subtler part of the passage. For a written answer (an essay, a summary, an " +
          "explanation), ask more of it: weigh a counterpoint, relate two distant parts, or meet a tighter " +
          "length while keeping the essentials.",
        editsContent: false,
        repeatable: true,
      },
    ],
  },
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "passage",
    task: "Answer the question about the passage above.",
  },
  userMessage: "{content}\n\n{instruction}",
});
