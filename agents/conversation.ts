// Conversation (split "follow_up"): the paper publishes only the skill's name and that its rows are multi-turn.
// Ours: the seven agents that prepare the material a user brings, the ten kinds of opening request, the three
// refinement goals, the follow-up agent that writes each next user turn, and every prompt.

import { defineSkill } from "./define-skill.js";
import { identityAgent, identityPrompt } from "./shared-prompts.js";

// Which materials an opening request can use: advice needs something to act on, a summary needs something to
// summarize (not the person's own story), a debate needs a claim worth arguing.
const ADVISABLE = ["personal_situation", "decision_options", "article_excerpt", "technical_explainer", "identity"];
const SUMMARIZABLE = ["article_excerpt", "study_notes", "technical_explainer", "debate_brief", "identity"];
const TEACHABLE = ["article_excerpt", "study_notes", "technical_explainer", "identity"];
const ARGUABLE = ["article_excerpt", "study_notes", "technical_explainer", "debate_brief", "identity"];
const NOT_DEBATE = [...ADVISABLE, "study_notes"];
const NOT_PERSONAL = [
  "article_excerpt",
  "study_notes",
  "decision_options",
  "technical_explainer",
  "debate_brief",
  "identity",
];

// ---------------------------------------------------------------------------------------------------------
// Content transformation: the material the user brings to the conversation
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You prepare the material that a person brings to a conversation with an AI assistant: \
what they paste or write at the start of their first message (an article they read, their own situation, their \
study notes, a decision they face, an explainer, a debate brief). Their request about it will follow it in the \
same message, written by another agent, and the conversation will go on for several turns. You receive a source \
text and write that material from it.

Unless the task says otherwise:
- Ground the material in the source: keep its key facts, names, numbers, dates and claims, and never contradict it.
- Make it read like the real thing: a person's own words when it is their situation, the register of the genre \
otherwise. It must make sense to someone who never saw the source: never mention "the source" or "the text above".
- Give it substance to talk about: concrete details, figures, reasons, open questions and tensions that invite \
explanation, advice, debate or follow-up questions.
- Do not write the request or any question to the assistant: stop where the person's request would begin.
- Write in the language of the source text.
- Leave out extraction debris (menus, cookie notices, ads, share buttons, link lists).
- Do not add hateful, sexual or dangerous content that the source does not contain, and no real person's private \
data.

The material is your whole answer, delivered in the output format given at the end of the task: no preface, no \
closing remarks.`;

const ARTICLE_EXCERPT = `Write an excerpt of an article on the source's subject, as a reader would copy it from a \
website and paste it into a chat.

Requirements:
- First line: the article's headline. Then 150 to 400 words of its prose: journalistic or magazine style, carrying \
the source's key facts, figures, claims and any views it reports, attributed as the source attributes them.
- It may begin and end at natural paragraph breaks of a longer article, but it must be understandable on its own.
- No byline, dates of publication or links unless the source's content needs them.`;

const PERSONAL_SITUATION = `Write, in the first person, a person's description of a situation or problem in their \
own life in which the source's subject really matters to them, as they would type it into a chat with an assistant.

Requirements:
- Choose a realistic, everyday situation that the source's facts bear on: a decision at home or at work, a project, \
a hobby, a study or career question, a practical problem, a disagreement with someone.
- Give concrete details: who they are (briefly), what is going on, what they have tried or considered, their \
constraints (money, time, place, skills, the people involved) with numbers where natural, and what is at stake.
- Informal, the way people write to a chat: first person, plain words, maybe slightly disorganized. 100 to 250 \
words.
- Keep it everyday: no emergency, no crime, no graphic medical detail, no real person's private data.
- Stop before the question: the request will follow.`;

const STUDY_NOTES = `Write study notes on the source's subject, as a student would bring them to a study session \
with a tutor.

Requirements:
- A title line and a line saying what course or exam they are for.
- Then, in bullets and short lines, with the abbreviations students use: key terms with short definitions; the \
main facts, figures and dates; a process or argument as numbered steps; a cause-and-effect chain or a comparison.
- Two or three open points the student was unsure about, marked with a question mark ("why does X happen only \
when...?"), on things the source answers or that follow from it.
- Accurate to the source. 200 to 450 words.`;

const DECISION_OPTIONS = `Write, in the first person, a decision the person faces in which the source's subject \
matters, with the options they are weighing, as they would lay it out in a chat.

Requirements:
- One or two sentences of context: who they are, what they must decide, and by when.
- Two to four options, each with what it involves, its costs, benefits and risks as the person understands them, \
with figures where natural (prices, times, distances, percentages), grounded in the source's facts.
- Their priorities and constraints (budget, time, values, people affected), and what makes the choice hard.
- Informal first person, 150 to 350 words. Stop before the question: the request will follow.`;

const TECHNICAL_EXPLAINER = `Write a technical explainer of how something in the source works, in the style of a \
well-written explainer article or manual chapter.

Requirements:
- Choose a mechanism, process, system, method or phenomenon in the source. If the source is not technical, explain \
the most technical process it describes or depends on (how a measurement is made, how a policy is administered, \
how a natural process unfolds).
- A title; the components or actors and the terms they need, defined; the process step by step; the key \
quantities, conditions and limits; common failure points or misunderstandings.
- Accurate to the source, and to well-established knowledge where you add to it. 200 to 450 words.`;

const DEBATE_BRIEF = `Write a debate brief on a contested question that the source's content bears on, as a \
debater or a student preparing a discussion would bring it.

Requirements:
- The motion, in one sentence, on which reasonable people disagree and the source's facts are real evidence.
- Background: two to four sentences with the key facts.
- Two or three arguments for and two or three against, each with its evidence from the source or well-established \
knowledge, fairly stated; each side's strongest argument included.
- A short list of key figures or facts both sides must reckon with.
- Balanced, with no verdict. 200 to 400 words.`;

const IDENTITY = identityPrompt({
  purpose: "The person will paste it into the conversation like this.",
});

// ---------------------------------------------------------------------------------------------------------
// Instruction generation: the user's opening request
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You write the opening request of a conversation between a person and an AI assistant. \
The person has pasted or written the material shown (an article, their situation, their notes, a decision, an \
explainer, a debate brief), and your request follows it in the same message: what they want from the assistant \
about it. The conversation will go on for several turns, so the opening should start a topic with room to go \
deeper.

Each request must:
- Sound like a real person: their own voice, reason and stakes (an exam on Friday, a landlord who won't answer, a \
talk to give), with varied personas (students, parents, professionals, retirees, hobbyists), tones and lengths, \
from one line to a short paragraph.
- Refer to the material naturally ("this article", "my situation", "these notes", "the options above") without \
repeating or summarizing it.
- Make one main, substantive request: not a yes-or-no question, not a list of unrelated questions.
- Be answerable by an assistant from the material and general knowledge, in conversation: nothing that needs \
browsing, files or actions in the world.
- Never contain or hint at the answer.

Do not name the request type, and write no preface, quotation marks, numbering or commentary around the requests. \
Write in the language of the material.`;

const INSTRUCT_GUIDELINES = `- Each request follows the material in the person's first message, adapted to this \
material and to who this person is (when the material is the person's own situation, keep their persona).
- Prefer requests that a good answer cannot settle in one line and that invite a follow-up.`;

// ---------------------------------------------------------------------------------------------------------
// Request taxonomy
// ---------------------------------------------------------------------------------------------------------

const TYPES = [
  {
    name: "ask_for_explanation",
    definition:
      "The person asks the assistant to explain something in the material they do not understand, or want to " +
      "understand better: a concept, a mechanism, a cause, what a term or a figure means, pitched to their level. " +
      "A good request says what puzzles them and why. The expected first answer is a clear explanation fitted to " +
      "the person, drawing on the material and going beyond it where needed.",
    examples: [
      "I read this twice and I still don't get why there are two high tides a day if the moon only goes around " +
        "once. Can you explain it like I'm a smart 15-year-old?",
      "Okay, what does 'compound interest' actually mean in the second paragraph? I'm 19 and this is my first " +
        "savings account, so no jargon please.",
      "Could you walk me through why the author says bread goes stale faster in the fridge? That sounds " +
        "backwards to me.",
    ],
    guidance:
      "Explain at the person's level, starting from what they already understand, with one concrete example or " +
      "analogy, and connect it to the material. In later turns build on your explanation instead of repeating it, " +
      "and correct yourself plainly if the person finds a real gap.",
  },
  {
    name: "ask_for_advice",
    definition:
      "The person describes or points to their situation and asks what they should do, with a real stake and at " +
      "least one constraint: a course of action for their situation, not a side-by-side comparison of options on " +
      "named criteria. The expected first answer gives concrete, prioritized advice fitted to the stated facts, " +
      "with reasons and trade-offs, says what it depends on, and says when a professional should be consulted.",
    examples: [
      "Given all that, what would you do in my position? I can't afford to lose the deposit, but I don't want " +
        "to spend another winter with the mould either.",
      "My manager wants an answer on the team-lead job by Monday, and I need my evenings free for my " +
        "daughter. How do I raise that with my manager without sounding unambitious?",
      "what should I do first here, honestly? I've got about 300 euros and two weekends before the inspection.",
    ],
    transformations: ADVISABLE,
    guidance:
      "Give concrete, prioritized advice fitted to the person's facts and constraints, with reasons and " +
      "trade-offs; say what the advice depends on; recommend a qualified professional where medical, legal or " +
      "financial stakes call for one. In later turns adapt to the new facts instead of restating.",
  },
  {
    name: "ask_for_summary",
    definition:
      "The person asks for a summary of the material for a purpose and an audience (to brief a colleague, to " +
      "revise, to decide whether to read it in full), with a length or format. The expected first answer is an " +
      "accurate summary in that form that keeps the key facts and figures and invents nothing.",
    examples: [
      "Can you boil this down to five bullet points I can paste into our team chat? Most of them won't read the " +
        "whole thing.",
      "I need to decide whether this report is worth reading in full before tomorrow's meeting. Give me the " +
        "gist in three sentences, plus anything surprising.",
      "Could you turn my notes into one paragraph I can revise from on the bus? Keep all the dates.",
    ],
    transformations: SUMMARIZABLE,
    guidance:
      "Summarize accurately for the stated purpose, audience and length, keeping the key facts and figures and " +
      "keeping the author's position apart from your own; add nothing the material does not say. In later turns " +
      "expand, compress or refocus as asked.",
  },
  {
    name: "brainstorm",
    definition:
      "The person asks for ideas connected to the material for a purpose of theirs (activities, project ideas, " +
      "angles for an essay, ways to apply it, questions to ask someone), with one or two constraints. The " +
      "expected first answer gives a varied set of concrete ideas, each briefly explained, that respect the " +
      "constraints.",
    examples: [
      "I have to run a 45-minute workshop on this for retirees at the library. Give me some activity ideas that " +
        "don't need any equipment.",
      "My son's class is doing projects on this and he wants an angle nobody else will pick. Any ideas? He's 11 " +
        "and loves maps.",
      "Give me ten questions I could put to the guest speaker about this next week, none he'll have heard a " +
        "hundred times.",
    ],
    guidance:
      "Offer a varied set of concrete, distinct ideas (not variations of one), each with a line on why or how it " +
      "works, within the person's constraints. In later turns develop the ideas the person picks, in depth, " +
      "rather than adding more of the same.",
  },
  {
    name: "debate_a_claim",
    definition:
      "The person states a claim related to the material, their own or one they read, and asks the assistant to " +
      "argue against it, assess it, or take a side; they often hold a position themselves. The expected first " +
      "answer engages honestly: it weighs the evidence, concedes what is right, argues against what is not, and " +
      "does not simply agree.",
    examples: [
      "Honestly, this convinces me that remote work is just better for everyone. Change my mind, if you can.",
      "My uncle says this proves electric cars are worse for the planet than petrol ones. Is he right? I want " +
        "solid arguments to take back to him, not vibes.",
      "I think the author is completely wrong that homework helps primary school kids. Take their side and try " +
        "to convince me.",
    ],
    transformations: ARGUABLE,
    guidance:
      "Engage honestly with the claim: separate what the evidence supports from what it does not, concede strong " +
      "points, argue weak ones with reasons and examples, and do not give in to pushback that brings no new " +
      "argument; stay respectful and direct.",
  },
  {
    name: "learn_step_by_step",
    definition:
      "The person wants to learn the material's subject with the assistant as a tutor: to be taken through it one " +
      "step at a time, quizzed, or guided to work something out, at a stated level. The expected first answer " +
      "starts the lesson: it checks or sets the starting point, teaches the first step with an example, and ends " +
      "with a question or a small exercise for the person.",
    examples: [
      "I have an exam on this on Friday. Can you teach it to me one step at a time and quiz me as we go? Start " +
        "from the basics.",
      "I'm a retired nurse taking up astronomy as a hobby. Could you teach me this gently, one idea at a time, " +
        "and check I've understood before moving on?",
      "Quiz me on these notes, one question at a time, and don't tell me the answer until I've had a go.",
    ],
    transformations: TEACHABLE,
    guidance:
      "Act as a tutor: teach one step at a time with an example, then ask a question or set a small exercise; when " +
      "the person answers, assess it precisely (what is right, what is wrong and why) before moving on; never give " +
      "away the answer to an exercise before they have tried it.",
  },
  {
    name: "plan_something",
    definition:
      "The person asks for help planning something connected to the material (a project, a schedule, a trip, a " +
      "study plan, an event, a change of habit), with a goal, a time frame and constraints. The expected first " +
      "answer is a concrete, ordered plan fitted to them (steps, timing, what is needed), with the assumptions it " +
      "makes.",
    examples: [
      "I want to start composting at home this spring. Can you make me a plan for the first two months? I have " +
        "a small balcony and about an hour a week.",
      "We're hosting a neighbourhood swap day on 14 September for about 60 people. Can you help me plan the " +
        "month before it? There are three of us and almost no budget.",
      "Make me a six-week plan for working through this, three evenings a week, 45 minutes at most each time.",
    ],
    transformations: NOT_DEBATE,
    guidance:
      "Give a concrete, ordered plan fitted to the person's goal, time frame and constraints (steps, timing, what " +
      "is needed), state your assumptions, and flag the risky or uncertain parts. In later turns revise the plan to " +
      "the new facts rather than starting over.",
  },
  {
    name: "troubleshoot",
    definition:
      "The person has something related to the material that is not working as expected (a process, a device, a " +
      "recipe, a setup, a routine) and describes the symptoms and what they have tried. The expected first " +
      "answer lists likely causes in order of likelihood, the checks that tell them apart, and the fixes, asking " +
      "for the one detail that would narrow it down if needed.",
    examples: [
      "I followed these steps exactly and my starter still smells like nail polish remover and won't rise. What " +
        "am I doing wrong?",
      "I set it up the way the guide says, but my laptop still shows the printer as 'offline', even though my " +
        "phone prints fine. I've restarted both twice.",
      "Our tomato seedlings are tall, floppy and falling over, even though they're on the windowsill like it " +
        "says. What's going wrong?",
    ],
    transformations: ["personal_situation", "technical_explainer"],
    guidance:
      "Diagnose systematically: the likely causes in order of likelihood given the symptoms, the check that tells " +
      "each apart, and the fix; ask for the single most useful missing detail if needed. In later turns use what " +
      "the person reports from the checks to narrow it down.",
  },
  {
    name: "compare_options",
    definition:
      "The person asks the assistant to compare two or more options in or related to the material (choices, " +
      "methods, products, positions, interpretations) on criteria that matter to them, named in the request, " +
      "often asking for a recommendation. The expected first answer compares them on those criteria explicitly " +
      "and fairly, and recommends conditionally.",
    examples: [
      "Between the three options I listed, which makes the most sense if what I care about most is the cost " +
        "over five years? Lay out the comparison.",
      "For a class of 30 beginners, which would you pick: the method in the first section or the one at the " +
        "end? Compare them on time, cost and how forgiving they are of mistakes.",
      "Can you put the three plans side by side in a table? I mostly care about flexibility and how much " +
        "paperwork each one involves.",
    ],
    transformations: NOT_PERSONAL,
    guidance:
      "Compare the options on the person's criteria explicitly and fairly, with the material's numbers where it " +
      "has them (a table if it helps), then recommend conditionally: which option for which priorities. In later " +
      "turns rework the comparison when the person changes a criterion or adds an option.",
  },
  {
    name: "expert_interview_roleplay",
    definition:
      "The person asks the assistant to play an expert connected to the material (a historian, an engineer, a " +
      "marine biologist, a chef, a city planner) and starts interviewing them for a purpose (a school project, " +
      "podcast preparation, curiosity), asking the first question. The expected first answer takes on the role " +
      "and answers in character with accurate content.",
    examples: [
      "Pretend you're a structural engineer who has worked on old bridges like this one. I'm writing a piece " +
        "for our school paper. First question: what would worry you most about a bridge this old?",
      "Could you be a marine biologist who studies coral reefs for a bit? I'm preparing questions for my " +
        "podcast. To start: what surprised you most on your first dive on a reef?",
      "Let's do a mock interview. You're a pastry chef with twenty years in Paris, I'm a food blogger. First " +
        "question: how would you explain this technique to a home baker?",
    ],
    guidance:
      "Take on the expert role the person sets (voice, experience, perspective) and answer in character and " +
      "accurately: the role never licenses invented facts, so express uncertainty as a real expert would. Stay in " +
      "character through the interview unless the person steps out of it.",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of conversation openings for training AI assistants. You are \
given an item (the material a person brings and their opening request about it) and a refinement goal, and you \
propose concrete modifications that would turn the item into a new one meeting the goal. You do not write the new \
item: an editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: the exact constraint, misconception or demand to add, with its concrete details \
(numbers, names, the wrong belief as the person would state it), and where it goes: in the request, or, when it is \
part of the person's own situation, in the material.
- Is consequential: a good answer to the revised request must differ from a good answer to the original one.
- Keeps a valid item: one natural message from a real person, with one main request, answerable in conversation; \
the material stays coherent, accurate (a misconception belongs to the person, never to the material) and in its \
form.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal and how a good answer must now differ.`;

const SUGGEST_GUIDELINES = `Change the material only where the goal needs it: a constraint that belongs to the \
person's own situation or decision goes there; everything else goes in the request.`;

const EDIT_SYSTEM = `You are an expert editor of conversation openings for training AI assistants. You are given \
an item (the material a person brings and their opening request about it), a refinement goal, and suggestions from \
a reviewer. You apply the suggestions and produce the revised item.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would make the request \
unnatural or unanswerable, skip it and keep the one that best serves the goal. The revised item must fully meet the \
goal.
- When you change the material (a constraint that belongs to the person's situation), keep its voice, form and \
accuracy, and leave no trace of the edit.
- The revised request is one natural message in the person's voice, following the material: it refers to the \
material without repeating it, makes one main request, and does not contain or hint at the answer.`;

const EDIT_GUIDELINES = `Check that a good answer to the revised request must differ from a good answer to the \
original.`;

// ---------------------------------------------------------------------------------------------------------
// Response, and the follow-up agent that writes each next user turn
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are a knowledgeable, thoughtful assistant in a conversation with a person. They opened \
with some material (an article, their situation, notes, options, an explainer or a debate brief) and a request; \
their later messages follow up on your answers. Answer their latest message.

- Address exactly what they asked, at their level, in their language, respecting every constraint they stated \
(budget, time, level, place, format, length).
- Ground your answers in the material they shared; use general knowledge to explain or extend it, keep clear what \
the material says and what you add, and never invent sources, statistics or quotations.
- Correct misconceptions plainly and kindly, whether in their message or in the material, and explain why.
- Fit the length to the question: short paragraphs, with lists or a table when they help. No filler, no restating \
the question, no stock closing offers.
- In later turns, build on the conversation: refer back to what was said, do not repeat earlier answers, change \
your view when they bring a good argument or new facts, and hold it with reasons when they do not.
- Ask a clarifying question only when no useful answer is possible without it, and give what you can meanwhile.
- On medical, legal, financial or safety matters, give useful general information and say when a qualified \
professional is needed.`;

const FOLLOW_UP_SYSTEM = `You play the person in a conversation with an AI assistant, to build training data. You \
write the person's next message.

You are the same person who opened the conversation: keep their situation, goals, level of knowledge, tone and \
language, and every fact they gave.

The next message must:
- React specifically to the assistant's last answer: pick up something it said (a claim, a step, a term, a \
recommendation, something it left out).
- Push the conversation forward with one move a real person would make at this point: ask to clarify a specific \
point; challenge a claim or a recommendation with a reason (a counterexample, a constraint, a doubt, something in \
the material); ask for a concrete example or a worked case; apply the idea to a new case of their own, giving its \
details; ask a deeper question that the answer opened up; add new information about their situation that changes \
things. In a tutoring conversation, answer the assistant's question or exercise (sometimes partly wrong, as \
learners are). In an interview role-play, ask the next interview question.
- Never repeat or rephrase a question already asked, never ask for what the assistant already gave, and use a \
different move from the person's earlier follow-ups.
- Call for a substantive answer: never only thanks, agreement or goodbye. The person's last message may move toward \
a conclusion (a decision, an application, a final check) but still asks for something.
- Point out, as a real person would, if the assistant made a mistake, ignored a constraint or missed part of the \
request.
- Be as long as a real person would write it: usually one to four sentences.

Write only the person's message: no quotation marks, no speaker label, no commentary.`;

const FOLLOW_UP_PROMPT = `The material the person shared at the start:
{content}

The conversation so far:
{conversation}

Write the person's message number {turn} of {turns} in this conversation. Choose a fitting move they have not \
made yet, for what the assistant's last answer leaves open.`;

export default defineSkill({
  id: "conversation",
  title: "Conversation",
  split: "follow_up",
  description:
    "Teaches multi-turn conversation: answering a person's opening request about material they bring, then " +
    "following up as the conversation deepens (clarifications, challenges, examples, new cases). Each text seed " +
    "becomes, through one of seven agents, the material a person brings (an article excerpt, their own situation, " +
    "study notes, a decision with options, a technical explainer, a debate brief, or the text as is); agents for " +
    "three of ten kinds of opening request write the person's first message; refinement adds personal " +
    "constraints, misconceptions to correct, or sharper demands; the teacher answers, and a follow-up agent writes " +
    "each next user turn until the person has spoken three times.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "material",
  itemLabel: "request",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "article_excerpt",
        description: "An excerpt of an article on the seed's subject, as a reader would paste it.",
        prompt: ARTICLE_EXCERPT,
      },
      {
        name: "personal_situation",
        description: "A first-person description of a real-life situation in which the seed's subject matters.",
        prompt: PERSONAL_SITUATION,
      },
      {
        name: "study_notes",
        description: "A student's study notes on the seed's subject, with a few open points.",
        prompt: STUDY_NOTES,
      },
      {
        name: "decision_options",
        description: "A first-person decision with two to four options, grounded in the seed's facts.",
        prompt: DECISION_OPTIONS,
      },
      {
        name: "technical_explainer",
        description: "An explainer of a mechanism or process in the seed, with terms, steps and limits.",
        prompt: TECHNICAL_EXPLAINER,
      },
      {
        name: "debate_brief",
        description: "A balanced brief on a contested question the seed bears on, with arguments on both sides.",
        prompt: DEBATE_BRIEF,
      },
      identityAgent(IDENTITY, "The seed as is, with extraction debris removed, as a person would paste it."),
    ],
  },
  instruct: {
    system: INSTRUCT_SYSTEM,
    guidelines: INSTRUCT_GUIDELINES,
    types: TYPES,
    typesPerSeed: 3,
    // Each opening grows into a whole conversation: one per type keeps the cost per seed in check.
    perType: { min: 1, max: 1 },
  },
  refine: {
    suggest: { system: SUGGEST_SYSTEM, guidelines: SUGGEST_GUIDELINES },
    edit: { system: EDIT_SYSTEM, guidelines: EDIT_GUIDELINES },
    goals: [
      {
        name: "add_personal_constraint",
        description:
          "Add a concrete personal constraint that a good answer must respect and that changes it: a budget, a " +
          "deadline or time limit, a skill or knowledge level, a place or legal context, a health or " +
          "accessibility need, a tool or resource they must use or cannot use, the audience they must serve. " +
          "State it specifically (with numbers where natural) in the person's words. Put it in the request, or " +
          "in the material when the material is the person's own situation or decision.",
        editsContent: true,
        repeatable: true,
      },
      {
        name: "add_misconception",
        description:
          "Build into the request a plausible misconception about the subject that a good assistant must " +
          "correct: a common misunderstanding, a misremembered fact or figure from the material, a wrong " +
          "assumption about a cause, or an overgeneralization. The person states it confidently as part of their " +
          "request, not as a question about it. It must be clearly wrong given the material or well-established " +
          "knowledge, and relevant: acting on it would lead the person astray. Change only the request; the " +
          "material stays accurate.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "more_specific_demanding",
        description:
          "Make the request more specific and demanding while keeping it one natural message: a precise " +
          "deliverable (a four-week plan, a comparison on three named criteria, an explanation first for a " +
          "child and then for an expert), two or three linked sub-questions that build on each other, or a " +
          "requirement to use particular parts of the material. It must remain answerable well in one reply.",
        editsContent: false,
        repeatable: true,
      },
    ],
    chainsPerSeed: 1,
    suggestions: 3,
  },
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "material",
    task: "Answer the person's request above about the material they shared.",
  },
  conversation: {
    userTurns: 3,
    followUp: { system: FOLLOW_UP_SYSTEM, prompt: FOLLOW_UP_PROMPT },
  },
  userMessage: "{content}\n\n{instruction}",
});
