// Multiple Choice Questions (split "mcq"): the AgentInstruct paper publishes only the skill's name and its split.
// The seven transformation agents (study material in different registers), the 12 question types, the four
// refinement goals and every prompt are ours. Questions are standalone, like MMLU or AP items.
import { defineSkill } from "./define-skill.js";
import { IDENTITY_PROMPT, identityAgent } from "./shared-prompts.js";

// ---------------------------------------------------------------------------------------------------------
// Content transformation
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a content-transformation agent in a pipeline that builds standalone \
multiple-choice exam questions, in the style of MMLU, AP, university course exams and professional \
certification tests. You receive a source text, often extracted from a web page or a document, and rewrite it \
as study material on its subject, in the register that the task names (a textbook section, lecture notes, an \
encyclopedia entry, a case study...). Other agents will then write exam questions that test the knowledge and \
reasoning your material teaches. Students will never see your material: each question will carry whatever \
context it needs, so what matters is the knowledge in your material, not its wording.

Unless the task says otherwise:
- Teach the subject, not the page. Identify the field the source belongs to (biology, contract law, \
accounting, networking, art history...) and the concepts, principles, mechanisms, methods and facts that \
underlie it, and teach those, using the source's own content as the core and its particulars as examples.
- Keep the source's key facts, names, numbers, dates and claims, and never contradict it on them. Where the \
source states something false, outdated or disputed, do not teach it as settled fact: attribute it as a claim, \
or give the accepted view.
- Be accurate. Add only well-established knowledge of the field (standard definitions, textbook relations, \
widely documented dates and figures). When you are not sure of a detail, leave it out rather than guess.
- Be dense with testable knowledge: precise definitions, how and why things work, causes and effects, \
conditions and exceptions to rules, steps in their order, quantitative relations with their units and a worked \
number where one fits, and the distinctions between concepts that are easily confused.
- Name common misconceptions and errors where they exist, and say why they are wrong: question writers turn \
them into distractors.
- Write in the language of the source text.
- Leave out extraction debris (menus, cookie notices, ads, share buttons, link lists, boilerplate).
- Do not add hateful, sexual or dangerous content that the source does not contain; give no operational \
detail that would help someone cause serious harm.

The material is your whole answer, delivered in the output format given at the end of the task: no preface \
such as "Here is the section", no closing remarks, no notes about what you changed or why.`;

const TEXTBOOK_SECTION = `Transform the source text below into a section of a textbook for the course in \
which its subject is taught (choose the level that fits: high school, introductory university, advanced \
undergraduate or professional training).

Requirements:
- Open with the section number and title, then two to four learning objectives ("After this section you should \
be able to...").
- Explain the concepts in a logical order, from foundations to applications. Define each key term precisely \
the first time it appears. Explain mechanisms and reasons, not only facts: why it happens, what it depends on, \
when it does not hold.
- Use the source's content as the running example, and include one worked example that applies a principle to \
concrete numbers or a concrete case, step by step.
- Include a short "Common misconceptions" passage (two or three misconceptions, each with the correct view) and \
close with a "Key terms" list and a three-to-five-sentence summary.
- Plain text with simple headings. 600 to 1,100 words.`;

const LECTURE_NOTES = `Transform the source text below into an instructor's lecture notes for a class session \
on its subject.

Requirements:
- Start with the course and lecture title and a one-line statement of the session's goal.
- Organize the notes as an outline: numbered main points with indented sub-points, in the order the lecture \
would take them. Write in the compact, exact style of good notes: full definitions, formulas or rules with what \
each term means, short derivations or chains of reasoning, and "e.g." examples drawn from the source.
- Include at least one "Students often confuse X with Y" note that spells out the difference, one worked \
problem or applied example, and one "Check your understanding" prompt with its answer.
- End with three to five exam-relevant takeaways.
- Plain text; hyphens or numbers for list items. 450 to 900 words.`;

const ENCYCLOPEDIA_ENTRY = `Transform the source text below into an encyclopedia entry on the subject it is \
about, in the neutral, dense register of a good general reference work.

Requirements:
- Choose the headword: the concept, process, event, organism, work, institution or person that the source is \
most substantially about.
- A lead paragraph that defines or identifies the subject and states why it matters. Then three to five \
sections chosen to fit the subject, such as definition and classification, history and development, \
mechanism or structure, types and variants, applications, significance and reception, controversies.
- Precise and factual: dates, places, figures with units, names of key people and works, and the relations \
between this subject and neighboring ones ("unlike X, Y..."). Attribute contested claims to those who make \
them.
- No first or second person, no persuasion, no hype. End with a "See also" line naming three to five related \
topics.
- Plain text with section headings. 500 to 1,000 words.`;

const CASE_STUDY = `Transform the source text below into a case study of the kind used in professional and \
university teaching (business school, medicine, law, engineering, public policy, education, social work), in \
which the principles of the source's field are applied to a realistic situation.

Requirements:
- Choose the profession whose practice the source's content bears on. Invent a plausible setting: a \
fictional organization, patient, client, site or community, with fictional names. Real organizations may \
appear only in roles the source gives them.
- Structure: background; the situation, with the concrete data a practitioner would have (figures, \
observations, timelines, constraints); the decisions taken and why; the outcome; and an analysis section that \
names the principles, methods or rules at work, explains which choices were sound and which were mistakes, and \
what the correct approach would have been.
- Make the case teach something: include at least one decision point where a common error was tempting or \
was made, and show its consequences.
- Keep the source's facts accurate, and keep medical, legal and safety content consistent with accepted \
practice.
- Close with three discussion questions (no answers).
- Plain text with short headings. 550 to 1,000 words.`;

const NEWS_EXPLAINER = `Transform the source text below into a news explainer: the kind of article that helps \
a general reader understand the background behind a development in the news.

Requirements:
- A headline phrased as what the reader will understand ("How X works, and why Y matters"), then sections \
under question-style subheadings, such as: what happened or what it is; how it works; why it matters; the key \
numbers; what experts disagree about; what comes next.
- Anchor it in the source's development, facts and figures, and explain the underlying concepts, mechanisms \
and history that a reader needs, clearly and correctly, with at least one concrete analogy.
- Include a short "Myths and facts" passage correcting two or three widespread misunderstandings about the \
subject.
- Attribute opinions and forecasts to their holders; use fictional names for any experts you add. Keep the \
facts accurate and do not invent events.
- Plain text. 450 to 850 words.`;

const MISCONCEPTIONS_GUIDE = `Transform the source text below into an exam-review guide on its subject that is \
organized around what students get wrong.

Requirements:
- A title naming the subject, and one paragraph stating the core ideas correctly.
- A "Misconceptions" part: five to eight entries, each with the misconception as students tend to state it, \
the correct understanding, and why the error is tempting (a misleading name, an everyday meaning of a term, an \
overgeneralized rule, a confused cause and effect, a wrong formula or unit).
- An "Easily confused pairs" part: three or four pairs of related concepts, terms, methods or events from the \
subject, each with the one distinction that tells them apart and a short example of each.
- A "Traps in calculations and procedures" part, where the subject has any: typical errors of units, order of \
steps, sign, percentage base, or exceptions to a rule.
- Ground it in the source's content and keep every statement of the correct view accurate.
- Plain text with headings and short entries. 450 to 900 words.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert writer of multiple-choice exam items, experienced with MMLU, AP, \
GRE subject tests, university course exams and professional licensing exams. You write standalone questions \
that test the knowledge and reasoning taught by a piece of study material, all of one question type.

How the questions will be used: a student sees only one of your questions and its options, never the study \
material. Each item is a question stem and exactly four options; the options are shown after the stem, \
lettered A, B, C and D in the order you give them (as in the examples). Therefore:

The stem:
- Is standalone. Never refer to "the passage", "the text", "the material", "the lecture", "the case" or "the \
article", and never ask about particulars that exist only in the material (a fictional company, patient or \
person, a detail of the case) unless the stem itself introduces them. A stem may set up a short scenario, a \
quotation, a small set of data or numbered statements, in full: everything the student needs is in the stem.
- Tests knowledge of the subject that a well-prepared student could have: the concepts, principles, \
mechanisms, facts and methods the material teaches. The material is your source; you may also draw on \
well-established knowledge of the same subject when that makes a better item, never on disputed or obscure \
claims.
- Poses one clear problem: a direct question or an incomplete statement that the options complete. It \
contains no options, no answer-format line ("Answer with a letter"), no hint of the answer, and no grammatical \
cue that fits only one option. Use negative wording only where the type calls for it, in capitals (NOT, \
EXCEPT).

The options:
- Exactly one option is correct, or clearly the best, and an expert in the field would agree. Every \
distractor is definitely wrong for a reason you could state.
- Distractors are plausible to a student who has not mastered the point: common misconceptions, partial \
truths, a true statement that does not answer this question, the answer to a closely related question, the \
result of a typical calculation or unit error, a confused neighboring concept.
- Options are parallel in grammar, form and length, do not overlap or contain one another, and give away \
nothing: the correct one is not systematically the longest, the most qualified or the only one repeating the \
stem's words. Numerical options are in ascending order.
- Never "all of the above", "none of the above", "both A and B". No letters or numbering inside an option \
text.
- Vary which letter is correct across your items.

Write no preface, numbering or commentary, and do not name the question type in the stem. Write in the \
language of the study material.`;

const INSTRUCT_GUIDELINES = `- The questions must all be different: each tests a different concept, fact, relation \
or skill, and no two could share an explanation.
- Prefer items that need understanding (applying a principle, telling close concepts apart, reasoning one step \
further) over ones answered by recognizing a phrase.
- Answer each item yourself as a student who never saw the material would: the stem must be self-contained, \
exactly one option correct, and each distractor wrong for a definite reason.`;

// ---------------------------------------------------------------------------------------------------------
// Question taxonomy (ours)
// ---------------------------------------------------------------------------------------------------------

// Only a recall, definition, contrast or cause item can be recast as a scenario; the other types either already
// are one (scenarios, applications, data, observations) or would lose their form (EXCEPT, orderings, numerals).
const NO_SCENARIO = ["strengthen_distractors", "two_step_reasoning", "remove_cues"];

const TYPES = [
  {
    name: "factual_recall",
    definition:
      "Asks for a specific fact of the subject that a well-prepared student should know: a name, a date, a " +
      "figure, a discoverer or author, a classification, a standard value, a location. The stem names the " +
      "subject precisely enough that only one option fits. Distractors are facts of the same category from the " +
      "same field (other dates of the period, other scientists of the field, neighboring values), so the item " +
      "cannot be solved by recognizing which option belongs to the topic.",
    examples: [
      "Which organelle is the site of the light-dependent reactions of photosynthesis in plant cells?\n" +
        "A. Stroma of the chloroplast\nB. Thylakoid membranes\nC. Inner mitochondrial membrane\n" +
        "D. Rough endoplasmic reticulum",
      "In which year did the Berlin Wall fall?\nA. 1985\nB. 1989\nC. 1991\nD. 1993",
      "The SI unit of electrical resistance is the\nA. ampere\nB. ohm\nC. volt\nD. watt",
    ],
    guidance:
      "State the fact and where it comes from in the subject, then say briefly why each other option, though " +
      "related, is wrong.",
  },
  {
    name: "concept_application",
    definition:
      "Describes a new, concrete situation in the stem (not taken from the material), seen from outside, and " +
      "asks which principle, rule or concept applies to it, or what that principle predicts will happen. The " +
      "student must recognize the concept in an unfamiliar setting; no one's decision is asked for. " +
      "Distractors are principles that apply to similar-looking situations, or predictions that follow from a " +
      "misapplied rule.",
    examples: [
      "A city caps the rent of two-bedroom apartments well below the price at which supply equals demand. " +
        "Which outcome does basic supply-and-demand analysis predict?\n" +
        "A. A surplus of two-bedroom apartments\nB. A persistent shortage of two-bedroom apartments\n" +
        "C. No change in the quantity supplied\nD. A rise in the equilibrium rent",
      "A sealed bag of crisps, packed at sea level, is carried up to a high mountain pass. What happens to the " +
        "bag?\nA. It puffs up, because the air pressure outside is lower.\n" +
        "B. It shrinks, because the air inside it cools.\nC. It puffs up, because the gas inside gains mass.\n" +
        "D. It stays the same, because the bag is sealed.",
      "After a shop raises the price of umbrellas by 10%, the number it sells in rainy weeks barely changes. " +
        "Which concept describes the demand for these umbrellas?\nA. Perfectly elastic demand\n" +
        "B. Inelastic demand\nC. Demand for a normal good\nD. Demand for a Giffen good",
    ],
    guidance:
      "Name the principle that governs the situation, show how the situation's features trigger it, and " +
      "derive the outcome; then show where each distractor misapplies it.",
    goals: NO_SCENARIO,
  },
  {
    name: "best_explanation",
    definition:
      "Presents a puzzling observation, result or contrast in the stem and asks which option best explains " +
      "it: the options are mechanisms or reasons. Several options may be true statements; exactly one " +
      "accounts for the observation, the others are true but irrelevant, explain only part of it, or reverse " +
      "the mechanism.",
    examples: [
      "Ice cubes float in a glass of water, yet a block of solid paraffin wax sinks in molten wax. Which of " +
        "the following best explains the difference?\n" +
        "A. Water molecules are lighter than wax molecules.\n" +
        "B. Hydrogen bonding gives ice an open lattice that is less dense than liquid water.\n" +
        "C. Ice is colder than the water around it.\n" +
        "D. Wax does not form a crystal lattice when it solidifies.",
      "On a cool morning, the metal railings in a park feel much colder to the touch than the wooden benches " +
        "beside them, although both are at the same temperature. Why?\n" +
        "A. Metal conducts heat away from the hand much faster than wood.\n" +
        "B. Metal loses more heat to the air overnight than wood.\n" +
        "C. Wood releases heat through slow chemical reactions.\nD. Metal reflects more sunlight than wood.",
      "An infection that first responded well to an antibiotic stops responding to it after several weeks of " +
        "treatment. What most likely accounts for this?\n" +
        "A. Resistant bacteria survived the treatment and multiplied.\n" +
        "B. The antibiotic lost its chemical potency inside the body.\n" +
        "C. The patient's immune system began destroying the antibiotic.\n" +
        "D. Each bacterium learned to avoid the drug during the treatment.",
    ],
    guidance:
      "Check which option, if true, would make the observation expected, and why the others, even when true, " +
      "do not explain it.",
    goals: NO_SCENARIO,
  },
  {
    name: "cause_and_effect",
    definition:
      "Names an event, change or intervention in the subject (historical, biological, economic, physical, " +
      "technical) and asks for its effect or consequence, or names an outcome and asks for the event or " +
      "change that caused it: the options are events or changes, not mechanisms. The causal link must be well " +
      "established. Distractors are events that merely came before or after, effects mistaken for causes, or " +
      "consequences in the wrong direction.",
    examples: [
      "What was the most direct effect of the Black Death on wages for agricultural laborers in England in " +
        "the decades after 1350?\n" +
        "A. Wages fell because landowners lost income.\nB. Wages rose because labor became scarce.\n" +
        "C. Wages were abolished in favor of payment in kind.\nD. Wages stayed constant because of guild " +
        "rules.",
      "When a central bank raises its policy interest rate, what usually happens to borrowing by households " +
        "and firms?\nA. It rises, because lending becomes more profitable for banks.\n" +
        "B. It falls, because loans become more expensive.\n" +
        "C. It does not change, because the rate applies only to banks.\n" +
        "D. It rises, because savers earn more interest.",
      "What chiefly caused the great dust storms on the American Great Plains in the 1930s?\n" +
        "A. The collapse of crop prices after 1929\n" +
        "B. Severe drought on land whose native grasses had been plowed up\n" +
        "C. Flooding that washed the topsoil into the rivers\nD. Volcanic eruptions that cooled the climate",
    ],
    guidance:
      "Trace the causal chain step by step, and say for each distractor whether it reverses the direction, " +
      "confuses sequence with cause, or names an unrelated change.",
  },
  {
    name: "except_question",
    definition:
      "A negatively worded item: 'All of the following are ... EXCEPT' or 'Which of the following is NOT ...', " +
      "with the negative word in capitals. All options but one are true of the subject (characteristics, " +
      "examples, causes, steps) and exactly one is not. The exception must be definitely false or outside the " +
      "category, not merely less typical.",
    examples: [
      "All of the following are functions of the kidneys EXCEPT\n" +
        "A. regulating blood pressure\nB. producing bile\nC. excreting urea\n" +
        "D. stimulating red blood cell production",
      "Which of the following is NOT a renewable source of energy?\nA. Geothermal heat\nB. Natural gas\n" +
        "C. Tidal flow\nD. Wind",
      "Each of the following numbers is prime EXCEPT\nA. 2\nB. 29\nC. 51\nD. 53",
    ],
    guidance:
      "This item asks for the one option that does NOT fit. Confirm each of the others as true, then name the " +
      "exception and why it fails.",
    goals: NO_SCENARIO,
  },
  {
    name: "most_likely_inference",
    definition:
      "Gives, in the stem, findings, observations or a small set of data (a short study result, a pattern of " +
      "symptoms, sales figures, an experiment's outcome) and asks which conclusion is most strongly supported " +
      "or most likely true. Distractors overgeneralize, assume causation from correlation, go beyond the " +
      "data, or contradict one of the findings.",
    examples: [
      "In a trial, 200 patients with mild hypertension were randomly assigned to a low-sodium diet or their " +
        "usual diet. After 8 weeks, mean systolic pressure fell by 9 mmHg in the diet group and by 1 mmHg in " +
        "the control group. Which conclusion is best supported?\n" +
        "A. A low-sodium diet cures hypertension.\n" +
        "B. Reducing sodium likely lowered systolic pressure in patients like these.\n" +
        "C. Sodium is the main cause of hypertension in the general population.\n" +
        "D. The diet will keep pressure lower for life.",
      "Over a year, a bakery found that on days above 30 °C its ice-cream sales tripled and its bread sales " +
        "fell by a fifth, while on other days both stayed steady. Which conclusion do these figures most " +
        "strongly support?\nA. Hot weather makes people stop eating bread.\n" +
        "B. On very hot days, this bakery's customers tended to buy less bread.\n" +
        "C. Selling ice cream reduces the bakery's bread sales.\n" +
        "D. The bakery should stop baking bread in summer.",
      "Students who chose to attend optional review sessions scored on average 12 points higher on the final " +
        "exam than students who did not. What can most reasonably be concluded?\n" +
        "A. The review sessions raised exam scores by 12 points.\n" +
        "B. Attendance went with higher scores, though other differences may explain the gap.\n" +
        "C. The students who skipped the sessions were less able.\n" +
        "D. Making the sessions compulsory would raise every student's score.",
    ],
    guidance:
      "Use only what the stem's findings support, plus basic principles of evidence; explain which options " +
      "overreach and in what way.",
    goals: NO_SCENARIO,
  },
  {
    name: "quantitative",
    definition:
      "A calculation item: the stem gives the numbers (with units) and the student applies a formula, rate, " +
      "ratio or rule of the subject to get a numerical result, in one to three steps. Options are numbers with " +
      "units, in ascending order; the distractors are the results of typical errors (a wrong formula, a " +
      "forgotten conversion, a percentage taken on the wrong base, one step left out).",
    examples: [
      "A 60 W bulb runs for 5 hours a day. At a price of $0.20 per kWh, how much does its electricity cost " +
        "over 30 days?\n" +
        "A. $0.06\nB. $1.80\nC. $6.00\nD. $18.00",
      "A jacket priced at $80 is reduced by 25%, and a further 10% is then taken off the reduced price. What " +
        "does the jacket cost after both reductions?\nA. $52.00\nB. $54.00\nC. $56.00\nD. $60.00",
      "A car uses 12 litres of fuel to travel 150 km. At the same rate, the fuel it needs for 400 km is\n" +
        "A. 30 L\nB. 32 L\nC. 36 L\nD. 48 L",
    ],
    guidance:
      "Write the relation used, substitute the values with their units, and compute step by step; where you " +
      "can, say which error leads to each distractor.",
    goals: NO_SCENARIO,
  },
  {
    name: "scenario_based",
    definition:
      "A vignette of three to six sentences puts the student in a practitioner's role (clinician, engineer, " +
      "teacher, accountant, manager, lab technician, lawyer) facing a concrete situation, and asks what that " +
      "practitioner should do: the most appropriate next step, action, diagnosis or judgment under the " +
      "subject's accepted practice. The vignette gives all relevant findings; distractors are actions that " +
      "are reasonable in general but wrong here (premature, unsafe, out of order, not indicated).",
    examples: [
      "A technician notices that a server's disk is 95% full and that the application log grows by 2 GB a " +
        "day. The disk has 10 GB free, and the log cannot be lost because it is needed for an audit next week. " +
        "What should the technician do first?\n" +
        "A. Delete the application log to free space.\nB. Restart the server.\n" +
        "C. Archive the log to other storage and enable log rotation.\nD. Wait until the audit is over.",
      "A teacher notices that a usually attentive pupil has started squinting at the board. The pupil now " +
        "copies notes from the board with many mistakes, but reads a book held close without difficulty. " +
        "What is the most appropriate first step for the teacher?\n" +
        "A. Move the pupil to the back of the room to test concentration.\n" +
        "B. Suggest to the parents that the pupil's distance vision be checked.\n" +
        "C. Set the pupil extra exercises in note-taking.\nD. Record the pupil as inattentive.",
      "While reconciling the month's bank statement, a bookkeeper finds that the bank balance is $120 lower " +
        "than the balance in the company's ledger. The only difference is a $120 monthly service fee that the " +
        "bank deducted and the company has not yet recorded. Which action is correct?\n" +
        "A. Ask the bank to reverse the fee.\nB. Record the fee as an expense in the company's books.\n" +
        "C. Add $120 to the bank balance in the reconciliation.\nD. Leave the difference for next month.",
    ],
    guidance:
      "Pick out the findings in the vignette that decide the case, state the accepted practice that applies, " +
      "and explain why each alternative is wrong here, not merely in general.",
    goals: NO_SCENARIO,
  },
  {
    name: "definition_matching",
    definition:
      "Gives a precise definition or description of a term, concept, method or phenomenon without naming it " +
      "and asks which term it describes; or gives the term and asks for its correct definition. Distractors " +
      "are closely related terms of the same field that students confuse with it (or their definitions).",
    examples: [
      "In research methods, the extent to which a test measures the construct it is intended to measure is " +
        "called its\n" +
        "A. reliability\nB. validity\nC. precision\nD. sensitivity",
      "Which of the following best defines opportunity cost?\nA. The money paid to buy a good\n" +
        "B. The value of the best alternative given up when making a choice\n" +
        "C. The extra cost of producing one more unit\n" +
        "D. A cost already incurred that cannot be recovered",
      "What is the name of a figure of speech that compares two unlike things using 'like' or 'as'?\n" +
        "A. Metaphor\nB. Simile\nC. Allegory\nD. Hyperbole",
    ],
    guidance:
      "Match the description's defining features to the term, and state what each confusable term means " + "instead.",
  },
  {
    name: "sequence_order",
    definition:
      "Asks for the correct order of the steps of a process, the stages of a development, or events in " +
      "history, or for which step comes immediately before or after a named one. Either the stem lists four " +
      "or five items with Roman numerals and the options are orderings of them, or the options are single " +
      "steps. The order must be fixed by the subject, not a matter of convention.",
    examples: [
      "Which sequence correctly orders these stages of mitosis?\n" +
        "I. Anaphase  II. Prophase  III. Telophase  IV. Metaphase\n" +
        "A. II, IV, I, III\nB. II, I, IV, III\nC. IV, II, I, III\nD. II, IV, III, I",
      "In the circulation of blood through the human heart, where does blood go immediately after it leaves " +
        "the right ventricle?\nA. The left atrium\nB. The aorta\nC. The pulmonary artery\nD. The right atrium",
      "Put these events in chronological order, earliest first.\nI. The first crewed Moon landing\n" +
        "II. The launch of Sputnik 1\nIII. The dissolution of the Soviet Union\nIV. Yuri Gagarin's orbital flight\n" +
        "A. IV, II, I, III\nB. II, I, IV, III\nC. II, IV, I, III\nD. II, IV, III, I",
    ],
    guidance: "Establish the order from what each stage requires or produces, then check the options against it.",
    goals: NO_SCENARIO,
  },
  {
    name: "compare_contrast",
    definition:
      "Names two related concepts, methods, organisms, events, policies or tools and asks which statement " +
      "correctly distinguishes them, or which property one has and the other lacks. Distractors swap the two, " +
      "state a shared property as a difference, or state a difference that does not exist.",
    examples: [
      "Which statement correctly distinguishes a Roth IRA from a traditional IRA in the United States?\n" +
        "A. Roth contributions are made with after-tax money, and qualified withdrawals are tax-free.\n" +
        "B. Roth contributions are tax-deductible, and withdrawals are taxed as income.\n" +
        "C. Only a traditional IRA allows investment in stocks.\n" +
        "D. Only a Roth IRA has an annual contribution limit.",
      "How does weather differ from climate?\n" +
        "A. Weather is the state of the atmosphere over hours or days; climate is its pattern averaged over " +
        "decades.\nB. Weather concerns temperature only; climate concerns rainfall only.\n" +
        "C. Climate changes from day to day; weather changes only over centuries.\n" +
        "D. Weather is measured with instruments; climate cannot be measured.",
      "Which of the following do bacteria have that viruses lack?\nA. Genetic material\n" +
        "B. Their own machinery for making proteins\nC. The ability to evolve\nD. Proteins in their structure",
    ],
    guidance:
      "State the defining difference between the two, and show which options swap them or misstate a shared " +
      "feature.",
  },
  {
    name: "multiple_statements",
    definition:
      "A Roman-numeral combination item: the stem gives three or four numbered statements about the subject " +
      "(I, II, III, IV) and asks which of them are correct; the options are combinations such as 'I only', " +
      "'I and III only', 'II, III and IV'. Each statement tests a distinct point, and at least one false " +
      "statement is a common misconception.",
    examples: [
      "Which of the following statements about vaccines are correct?\n" +
        "I. They train the adaptive immune system to recognize an antigen.\n" +
        "II. They work by killing bacteria already in the body.\n" +
        "III. Some require booster doses to maintain protection.\n" +
        "A. I only\nB. II only\nC. I and III only\nD. I, II and III",
      "Consider these statements about the Moon.\nI. It always turns roughly the same face toward Earth.\n" +
        "II. Its gravity is the main cause of Earth's ocean tides.\nIII. It gives off light of its own.\n" +
        "IV. Its phases are caused by Earth's shadow.\nWhich of them are true?\n" +
        "A. I only\nB. I and II only\nC. I, II and IV only\nD. II, III and IV only",
      "I. Inflation reduces the purchasing power of money.\nII. Inflation always benefits savers.\n" +
        "III. Inflation can be measured with a consumer price index.\n" +
        "Which of the statements above are correct?\nA. I only\nB. I and II only\nC. II and III only\n" +
        "D. I and III only",
    ],
    guidance:
      "Judge each numbered statement on its own, true or false with a reason, then choose the option that " +
      "lists exactly the true ones.",
    goals: NO_SCENARIO,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of multiple-choice exam items. You are given an item (a \
standalone question with lettered options and its answer key) and the study material it was written from, \
and a refinement goal. You propose concrete modifications that would turn the item into a new one meeting the \
goal. You do not write the new item: an editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: it names the part to change (the stem, or option B) and what to change it \
into. A short replacement phrase or a new option text is fine; a full rewritten item is not.
- Achieves the goal on its own, and leaves a valid item: a standalone stem that needs no material to be \
understood, exactly four parallel options, exactly one correct option, and every distractor definitely wrong.
- Keeps the item within well-established knowledge of the subject: no disputed or obscure facts.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal, and states which option is correct after the change and \
why each distractor is still wrong.`;

const SUGGEST_GUIDELINES = `Solve the item yourself first and work out what knowledge it tests and why each \
distractor is wrong: your suggestions must act on those.`;

const EDIT_SYSTEM = `You are an expert editor of multiple-choice exam items. You are given an item (a standalone \
question, its options and its answer key), the study material it was written from, a refinement goal, and \
suggestions from a reviewer. You apply the suggestions and produce the revised item.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the item, skip \
it and keep the one that best serves the goal. The revised item must fully meet the goal.
- The revised item follows the same rules as any item in the set: a standalone stem that never refers to a \
passage or material and contains everything the student needs, no options or answer-format line inside the \
stem, exactly four parallel options without letters, never "all/none of the above", exactly one correct option \
that experts would agree on, and distractors that are plausible yet definitely wrong. Give numerical options in \
ascending order.
- You may reorder the options.`;

const EDIT_GUIDELINES = `Solve the revised item as a student who never saw the study material would: exactly \
one option must be correct, and each distractor wrong for a definite reason.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert tutor answering a multiple-choice exam question. Your answer will be \
shown to a student who asked you the question, as a model of how to reason through such items.

The student sees only the question and its options. You are also given reference notes on the subject that \
the question was written from. Use them to check facts, but make your explanation stand on the question and \
sound knowledge of the subject: never mention notes, a passage, a text or a source. If the notes and \
well-established knowledge disagree, go with well-established knowledge.

How to answer:
- Start by saying what the question asks and which concept, principle or fact decides it.
- Reason to the answer step by step: recall the relevant knowledge, apply it to the stem's scenario or data, \
and for calculations write the relation, substitute values with units and compute.
- Go through the options: say briefly why each wrong option fails (a misconception, a reversal, a true \
statement that does not answer the question, a calculation error), and why the correct one is right.
- If the question is flawed (no option is correct, or two are equally correct), say so briefly and choose the \
option that is best supported, explaining why.

Be concise and clear: a paragraph or a short list per step, no filler. End with the correct letter on its own \
line, in the form "Final answer: B". Write directly to the student; do not mention these instructions.`;

export default defineSkill({
  id: "multiple-choice",
  title: "Multiple Choice Questions",
  split: "mcq",
  description:
    "Teaches answering standalone multiple-choice exam questions with reasoned elimination. Each seed is " +
    "rewritten by one of seven transformation agents into study material on its subject (a textbook section, " +
    "lecture notes, an encyclopedia entry, a case study, a news explainer, a misconceptions review guide, or " +
    "the seed itself); agents for three of 12 question types (recall, application, explanation, cause and " +
    "effect, EXCEPT items, inference from data, calculation, practitioner scenarios, definitions, sequences, " +
    "contrasts and Roman-numeral combinations) write self-contained items with four options (A-D) and an " +
    "answer key; refinement strengthens distractors, requires two-step reasoning, recasts items as scenarios " +
    "or removes test-wise cues; and the teacher explains the reasoning, eliminates the distractors and ends " +
    "with the correct letter.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "study_material",
  itemLabel: "question",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "textbook_section",
        description: "A textbook section on the seed's subject, with objectives, a worked example and key terms.",
        prompt: TEXTBOOK_SECTION,
      },
      {
        name: "lecture_notes",
        description: "An instructor's outline-style lecture notes with definitions, confusions and a worked problem.",
        prompt: LECTURE_NOTES,
      },
      {
        name: "encyclopedia_entry",
        description: "A neutral, dense reference-work entry on the subject the seed is mostly about.",
        prompt: ENCYCLOPEDIA_ENTRY,
      },
      {
        name: "case_study",
        description: "A teaching case in which a practitioner applies (and misapplies) the field's principles.",
        prompt: CASE_STUDY,
      },
      {
        name: "news_explainer",
        description: "A news explainer giving the background concepts behind the seed's development.",
        prompt: NEWS_EXPLAINER,
      },
      {
        name: "misconceptions_guide",
        description: "An exam-review guide built around misconceptions, confusable pairs and calculation traps.",
        prompt: MISCONCEPTIONS_GUIDE,
      },
      identityAgent(IDENTITY_PROMPT),
    ],
  },
  instruct: {
    system: INSTRUCT_SYSTEM,
    guidelines: INSTRUCT_GUIDELINES,
    shape: "mcq",
    // Four options A-D, as in MMLU and AGIEval; the prompts and examples assume four.
    optionCount: 4,
    types: TYPES,
  },
  refine: {
    suggest: { system: SUGGEST_SYSTEM, guidelines: SUGGEST_GUIDELINES },
    edit: { system: EDIT_SYSTEM, guidelines: EDIT_GUIDELINES },
    goals: [
      {
        name: "strengthen_distractors",
        description:
          "Replace the weakest distractors (ones a student could rule out without knowing the subject: off " +
          "topic, absurd, obviously extreme, of a different category or form) with plausible ones: a common " +
          "misconception about this point, a partial truth, a true statement that does not answer the " +
          "question, the correct answer to a closely related question, or the result of a typical error. " +
          "Each new distractor must still be definitely wrong, and the correct option must stay the only " +
          "defensible answer. Keep the stem unless a small change is needed to keep exactly one answer.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "two_step_reasoning",
        description:
          "Rewrite the item so that answering it takes two linked reasoning steps instead of one: for " +
          "example, the stem describes a case without naming the concept, so the student must first identify " +
          "the concept and then apply it; or the student must compute an intermediate quantity before the " +
          "asked one; or combine two distinct facts of the subject. Revise the options so that stopping after " +
          "the first step, or getting it wrong, leads to a specific distractor. Keep exactly one correct " +
          "option and keep the stem standalone.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "convert_to_scenario",
        description:
          "Recast a recall or definition item as a scenario item: a short, concrete vignette (two to five " +
          "sentences, fictional people, realistic details) in which the same knowledge must be recognized and " +
          "applied, ending in a question about what is happening, what will happen, or what should be done. " +
          "The vignette must contain every finding needed, and no option may be answerable by matching words " +
          "from it. Rewrite the options to fit the scenario; keep exactly one correct.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "remove_cues",
        description:
          "Remove every test-wise cue that lets a student guess the answer without the knowledge: a correct " +
          "option that is longer, more qualified or more technical than the rest; words shared only by the " +
          "stem and the correct option; grammatical agreement that fits only one option; absolute words " +
          "(always, never) found only in distractors; two options that are opposites, one of which must be " +
          "right; an option that contains another. Make the options parallel in length and form, and move the " +
          "correct answer to another letter if its position is predictable. Keep the tested knowledge and the " +
          "correct answer the same.",
        editsContent: false,
        repeatable: false,
      },
    ],
  },
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "reference_notes",
    task: "Answer the multiple-choice question above.",
  },
  // The released mcq split holds standalone questions: the study material only inspired them.
  userMessage: "{instruction}",
});
