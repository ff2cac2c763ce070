// Text Classification (split "text_classification"): the AgentInstruct paper publishes only the skill's name and
// its split. The nine transformation agents (sets of short texts in several genres), the 15 classification
// types, the five refinement goals and every prompt are ours.

import { defineSkill } from "./define-skill.js";
import { identityAgent, identityPrompt } from "./shared-prompts.js";

// Which sets of texts suit which labels. Every agent but identity writes several short numbered items.
const ITEMIZED = [
  "product_reviews",
  "social_media_posts",
  "support_tickets",
  "news_headlines",
  "email_inbox",
  "forum_comments",
  "survey_responses",
  "assistant_requests",
];
// Opinionated, personal writing: aspects, sarcasm and feelings live here.
const OPINION = ["product_reviews", "social_media_posts", "forum_comments", "survey_responses"];
// Messages that ask someone to act: intents and priorities.
const REQUESTS = ["support_tickets", "email_inbox", "assistant_requests"];
// Texts that can take a position on a claim.
const POSITIONED = ["social_media_posts", "forum_comments", "survey_responses", "news_headlines", "identity"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a content-transformation agent in a pipeline that builds text-classification \
exercises. You receive a source text, often extracted from a web page or a document, and write a set of short \
texts of the genre that the task names (product reviews, social-media posts, support tickets, news items, \
emails...) that people connected to its subject would plausibly write. Other agents will then write \
classification tasks about your texts (sentiment, topic, intent, emotion, stance, urgency, spam and phishing, \
civility, formality, register, multi-label tags, aspect-based sentiment), and students will label your texts \
from what they say alone.

Unless the task says otherwise:
- Ground the texts in the source: their authors use, read about, work on or are affected by its subject, and \
its facts, names, products, places, events and figures recur in them accurately.
- Write several short items, each opening with a heading line made of the genre's item word and its number \
("Review 1", "Post 2", "Ticket 3"), numbered from 1 in order, with a blank line between items. Items are \
independent texts by different authors unless the genre is a thread.
- Make the items vary along many dimensions at once, so that one set supports many classification tasks: \
sentiment (positive, negative, neutral, mixed), emotion, what the author wants, urgency, position on the \
subject's contested points, formality, subtopic and length. Spread these naturally; do not march through one \
of each in a fixed order.
- Give about a third of the items a realistic difficulty: a mixed or hedged opinion, sarcasm or irony, \
negation ("not bad at all"), a complaint phrased politely or praise phrased bluntly, a serious problem stated \
calmly, an indirect request, two requests in one message, an item about a neighbouring subject. Every item \
must still have a label that a careful annotator would defend.
- Never state a label: no star ratings, no category, priority, sentiment or status fields, no tags such as \
[URGENT] or [SPAM], and no narrator commentary on an item's tone or purpose. Subject lines, hashtags and emoji \
are fine where the genre has them, and may mislead as they do in real data.
- Private individuals are fictional, with plausible names or handles. Addresses and links are obviously \
fictional (example.com, example.org). Real organizations and public figures appear only in the roles and \
facts that the source gives them.
- Incivility stays within what a moderated platform shows: rude, sarcastic, dismissive, profanity masked at \
most. Never write slurs, threats, sexual content, or attacks on people for who they are.
- Write in the language of the source text.
- Leave out extraction debris (menus, cookie notices, ads, share buttons, link lists, boilerplate).

The set of texts is your whole answer, delivered in the output format given at the end of the task: no preface \
such as "Here are the reviews", no closing remarks, no notes on which labels the items carry.`;

const PRODUCT_REVIEWS = `Write customer reviews of products, services or places connected to the source text, \
as posted on a retailer, app store, booking or local-business site.

Requirements:
- If the source is not about something people buy or visit, review something its subject naturally involves: \
a book, course, tool, app, tour, event, clinic or venue.
- 5 to 8 reviews, each headed "Review N", then an optional title line, then the review (30 to 150 words).
- Reviewers differ in experience, expectations and expertise. Most reviews judge two or three concrete aspects \
(price, quality, durability, ease of use, customer service, delivery, staff, location...), sometimes praising \
one and criticizing another.
- Include at least one mixed review, one sarcastic review, and one review that is mostly about something other \
than the product itself (the delivery, a competitor, the reviewer's own mistake).
- 250 to 800 words in all.`;

const SOCIAL_MEDIA_POSTS = `Write posts from a social network or microblog in which people react to the \
source text's subject: the news it reports, the product, the idea or the event.

Requirements:
- 6 to 10 posts, each headed "Post N", then a line with the author's handle (for example "@rivertown_dad"), \
then the post (15 to 60 words). Some posts reply to earlier ones ("Replying to @..."). Hashtags, emoji, \
abbreviations and informal spelling where natural.
- Choose one contestable claim, proposal or development from the source: some posts support it, some oppose \
it, some only share information, ask a question or joke about it. At least one post takes its position \
through sarcasm, and one attacks the other side rather than stating a view.
- Range of feelings: enthusiasm, anger, worry, amusement, indifference. At most one post may be a promotional \
or spam-bot post riding the hashtag.
- 200 to 600 words in all.`;

const SUPPORT_TICKETS = `Write customer-support tickets submitted to the help desk of an organization whose \
product or service relates to the source text.

Requirements:
- Begin with one line naming the organization and what it offers. Then 4 to 7 tickets, each headed \
"Ticket N", then "Subject:" and "From:" lines (a fictional name, and the customer type where natural: \
individual, small business, enterprise), then the body (40 to 150 words).
- Vary what customers want (report a fault, ask how to do something, request a refund, cancel, change account \
details, dispute a charge, complain, suggest a feature, thank the team), the product area concerned, and the \
impact (a service outage affecting a whole team, a blocked payment, a deadline tomorrow, a cosmetic glitch).
- Vary the tone (furious, anxious, polite, terse) independently of the impact. Include one ticket with two \
requests, one whose serious impact is stated calmly, and one whose subject line misleads about its body.
- Use the source's facts as the product's features, terms, figures and known issues.
- 300 to 800 words in all.`;

const NEWS_HEADLINES = `Write news items as they would appear on a news site's front page on the day the \
source text's subject is in the news.

Requirements:
- 5 to 8 items, each headed "Item N", then the headline on its own line, then a lede of one to three \
sentences (30 to 80 words).
- At least three items concern the source's subject directly, from different angles and sections; the others \
are adjacent stories from the same field, place or period, in other sections (business, politics, science, \
health, technology, sport, culture, local).
- Mix kinds: straight news, a story of a positive development, a story of a setback, an opinion column \
(headline with its standfirst), a press-release style announcement, a clickbait headline, and one item whose \
headline frames the event differently from what its lede reports.
- Keep the source's facts accurate. Adjacent stories use fictional organizations and people, or facts the \
source gives; never invent events about real people or organizations.
- 250 to 650 words in all.`;

const EMAIL_INBOX = `Write the contents of one person's email inbox, where that person's work or life involves \
the source text's subject.

Requirements:
- Begin with one line saying whose inbox it is (a fictional name and role). Then 5 to 7 emails, each headed \
"Email N", then From (name and address), To, Date and Subject lines, then the body (40 to 160 words).
- Mix: a colleague's request with a deadline, a message from a client or member of the public, an automated \
notification, a newsletter or marketing message, a personal note, and one or two unwanted messages: bulk spam \
and/or a phishing attempt (a lookalike sender domain, an urgent demand to verify an account or pay, a link \
whose text and address differ, written out as plain text).
- Phishing imitates fictional organizations or the recipient's own fictional employer, never a real brand, and \
all domains are fictional (example.com, examp1e-secure.net). Sometimes include a legitimate email that looks \
alarming (a password reset the recipient asked for, a genuine invoice reminder).
- Range of formality, from a formal letter to a two-line note; use the source's facts in the work emails.
- 350 to 900 words in all.`;

const FORUM_COMMENTS = `Write one discussion thread from an online forum or comment section where the source \
text's subject is discussed.

Requirements:
- Begin with a line naming the forum or site and the thread's title, then the opening post headed "Original \
post" with its username (60 to 150 words), which asks a question or shares a view drawn from the source.
- Then 5 to 8 comments, each headed "Comment N", then the username and, where it replies to another comment, \
"Reply to Comment M", then the text (20 to 120 words).
- Mix: a helpful, informed answer using the source's facts; a personal experience; a reasoned disagreement; \
a question; a joke; an off-topic remark. At most one spam comment.
- Range of civility: a respectful disagreement, a blunt but civil reply, a polite but condescending one, a \
mocking or dismissive comment aimed at another user (mild, no slurs), and a comment that calms things down.
- 350 to 900 words in all.`;

const SURVEY_RESPONSES = `Write the open-ended answers to a survey about something the source text's subject \
involves: a customer-satisfaction survey, an employee survey, a public consultation, a course evaluation or a \
patient-feedback form.

Requirements:
- Begin with the survey's name and who was asked, then the one or two open questions exactly as worded on the \
form. Then 6 to 10 answers, each headed "Response N" (5 to 80 words each).
- Answers look like real survey data: some a word or a fragment, some a careful paragraph, a "n/a", a list of \
suggestions, one answer to a different question from the one asked.
- They touch several aspects (cost, staff, quality, waiting times, communication, facilities...), often more \
than one per answer, with praise, complaints and suggestions, and differ on any proposal the source describes.
- 200 to 600 words in all.`;

const ASSISTANT_REQUESTS = `Write messages that users typed to the virtual assistant or chatbot of a service \
related to the source text's subject.

Requirements:
- Begin with one line naming the service and what the assistant can help with. Then 8 to 12 messages, each \
headed "Message N" (5 to 40 words each), written as people really type to chatbots: fragments, typos, \
lowercase, several questions at once, impatience.
- Vary what users want: information drawn from the source's facts, a transaction, an account change, a \
complaint, a cancellation, a request for a human agent, small talk, something the service does not do.
- Include messages that state their need indirectly ("charged twice??"), messages with two needs, and one that \
sounds urgent but asks for something trivial.
- 150 to 450 words in all.`;

const IDENTITY = identityPrompt({
  closing:
    "Keep headings, lists and tables that belong to the content. Do not summarize, shorten, paraphrase, correct, " +
    "reorder, translate, number or add anything, not even a title or a note. If there is nothing to clean, return " +
    "the text unchanged.",
});

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an expert designer of text-classification tasks and annotation guidelines, \
experienced with sentiment, intent, topic, stance, emotion, toxicity and spam datasets. You write \
classification tasks about one given set of texts, all of one classification type.

How the tasks will be used: a student is shown the texts and then one of your tasks, and must label the texts \
from what they say alone. Therefore each task must:
- Not reproduce the texts. The student already has them. Refer to items by their headings ("Review 3", \
"Tickets 2 and 5", "every comment"), or to "the text" when it is one unnumbered document. Short exact \
quotations are fine.
- Say which items to classify: one item, a few named ones, or all of them.
- Name the label set explicitly: every allowed label, spelled exactly as the answer must use it. Define any \
label whose boundary could be disputed (what counts as "mixed", "urgent", "phishing", "uncivil"), give a \
tie-break rule where two labels can both apply, and include a fallback ("neutral", "other", "none") whenever an \
item might fit no label. Say whether each item takes exactly one label or any number of them.
- State the output form exactly, and vary it across tasks: labels only, one per line in a given pattern; labels \
with a one-sentence justification citing the decisive words; or JSON, naming its keys and describing each \
value in words.
- Have one defensible labeling under the given definitions. If an item is borderline, the definitions or the \
tie-break rule must settle it, or the task must ask for a justification.
- Never contain or hint at the answer: no pre-filled labels, no "note that Review 2 is sarcastic".

Write no preface, numbering or commentary around the tasks. Write in the language of the texts.`;

const INSTRUCT_GUIDELINES = `- Adapt each task to these texts: labels that suit their domain, and item headings as \
they appear in the texts.
- Make the tasks all different: different items, a different label set, or a different output form.
- Prefer tasks that cover the hard items (sarcasm, negation, mixed signals, indirect phrasing) together with \
some clear ones, over tasks that only cover the obvious items.
- Never invent text content: every item a task refers to must exist in the texts, under that heading.`;

// ---------------------------------------------------------------------------------------------------------
// Classification taxonomy
// ---------------------------------------------------------------------------------------------------------

// The refinement goals that fit a type. switch_to_multi_label fits only where labels can co-occur and do not yet
// (topics, intents, emotions, toxicity subtypes); sarcasm and negation do not change a label that rests on form
// (spam cues, formality, register).
const NO_MULTI_LABEL = ["ambiguous_between_labels", "sarcasm_and_negation", "label_flip", "finer_label_set"];
const FORM_ONLY = ["ambiguous_between_labels", "label_flip", "finer_label_set"];

const TYPES = [
  {
    name: "sentiment_polarity",
    definition:
      "Asks for the overall sentiment the author expresses in one, several or all items, from a stated set " +
      "(positive, negative, neutral, usually mixed) or on a stated scale (1 to 5 with its ends and middle " +
      "anchored). Sentiment is the author's own evaluation, not whether the events described are good or bad " +
      "news. The answer form is one label per item, as lines or JSON, with or without a justification as stated.",
    examples: [
      "Classify the overall sentiment of each review as positive, negative, neutral or mixed (mixed: clear " +
        "praise and clear criticism, neither dominant). Answer with one line per review, for example " +
        "'Review 1: positive'.",
      "Score the overall sentiment of every survey response from 1 (very negative) to 5 (very positive), 3 " +
        "meaning neutral or evenly balanced. Return a JSON object mapping each response number to its score.",
      "What overall sentiment does the author of Post 3 express: positive, negative or neutral? Give the label, " +
        "then quote the words that decide it.",
    ],
    transformations: ITEMIZED,
    guidance:
      "Judge the author's evaluation, reading through sarcasm, negation and hedges; good news reported flatly " +
      "is neutral.",
    goals: NO_MULTI_LABEL,
  },
  {
    name: "topic_classification",
    definition:
      "Asks which topic or category each item is mainly about, from a flat, one-level list of four to eight " +
      "categories fitted to the texts' domain (a news site's sections, a help desk's product areas, a survey's " +
      "themes), including close neighbours that need careful reading and an 'other' label. Exactly one label " +
      "per item, by its main subject. The answer form is the category per item, label only or with a reason, " +
      "as stated.",
    examples: [
      "Assign each item to exactly one section: Business, Politics, Science, Health, Technology or Other, by " +
        "the story's main subject. Return a JSON object whose keys are the item numbers as strings and whose " +
        "values are the section names.",
      "Which product area is each ticket mainly about: Billing, Account access, Mobile app, Website, Shipping " +
        "or Other? Decide by what the customer needs fixed, not by what they mention in passing, and reply " +
        "as 'Ticket N - area'.",
      "Sort the comments into one theme each (Equipment, Technique, Safety, Events or Off-topic) by what they " +
        "are mainly about, adding a reason of at most ten words after each label.",
    ],
  },
  {
    name: "intent_detection",
    definition:
      "Asks what the author wants to achieve with a message (request a refund, report a fault, ask for " +
      "information, cancel, escalate to a person...), from a stated list of intents fitted to the service, " +
      "with 'other' or 'out_of_scope'. Targets indirect phrasing and messages with two intents, for which the " +
      "task says whether to give the primary intent (and how to decide it) or all of them. The answer form is " +
      "the intent label or labels per message, as stated.",
    examples: [
      "For Messages 1 to 6, give the user's primary intent from: check_order_status, request_refund, " +
        "change_address, report_damage, talk_to_human, out_of_scope. The primary intent is the action the user " +
        "needs first. Answer as 'Message N: label', one per line.",
      "What does the sender of each email want the recipient to do? Choose from approve, send_information, " +
        "attend, pay, no_action and other; where an email asks for two things, give both, the more urgent " +
        'first. Return a JSON array of objects with the keys "email" and "intents".',
      "Classify Ticket 4 by intent (report_fault, request_refund, cancel_subscription, ask_how_to, complaint or " +
        "other) and explain in one sentence what in the ticket shows it.",
    ],
    transformations: REQUESTS,
  },
  {
    name: "emotion_recognition",
    definition:
      "Asks which emotion the author expresses most strongly, from a stated set (anger, fear, joy, sadness, " +
      "surprise, disgust, none; or a set fitted to the domain, such as frustration, anxiety, relief, " +
      "gratitude), with a tie-break rule. Emotion is finer than sentiment: two negative items may be angry and " +
      "afraid. The answer form is one emotion per item, with the words that show it when the task asks.",
    examples: [
      "Which emotion does the author of Post 4 express most strongly: anger, fear, joy, sadness, surprise, " +
        "disgust or none? Answer with the label and the words of the post that show it.",
      "Label the strongest emotion in each ticket as frustration, anxiety, confusion, gratitude or none; if two " +
        "are equally strong, take the one the ticket ends on. One line per ticket.",
      "For Reviews 1, 4 and 6, which emotion dominates: joy, anger, disappointment, surprise or none? Give JSON " +
        'keyed by review number, each value an object with "emotion" and "evidence" (a short quotation).',
    ],
    transformations: [...OPINION, ...REQUESTS],
  },
  {
    name: "stance_detection",
    definition:
      "Quotes a specific claim or proposal from the texts' subject in the task and asks each author's stance " +
      "toward it: favor, against, or neither (which also covers items that do not address it). Stance differs " +
      "from sentiment: an angry post can favor the claim. Targets stances that are implied, hedged, sarcastic " +
      "or expressed by attacking the other side. The answer form is one stance per item, with a reason as stated.",
    examples: [
      "Claim: 'The city should close Main Street to cars on weekends.' Label each comment's stance toward this " +
        "claim as favor, against or neither, with a one-sentence reason per comment.",
      "Proposal: 'Schools should start an hour later.' Is each post for it, against it, or neither (which " +
        "includes posts that do not address it)? Labels only, one per line.",
      "Does the author of Response 5 support, oppose or take no position on the statement 'Hospital parking " +
        "fees are too high'? Start with the stance, then give one sentence of evidence.",
    ],
    transformations: POSITIONED,
    guidance:
      "Stance is toward the quoted claim only, not the topic in general; an item that does not address the " +
      "claim is neither, however strong its feelings.",
    goals: NO_MULTI_LABEL,
  },
  {
    name: "urgency_priority",
    definition:
      "Asks for the priority of tickets, emails or messages on a stated scale whose levels the task defines " +
      "by impact (who is affected, what is blocked, money, safety or a deadline at stake), for example P1 " +
      "critical to P4 low, or asks for the items ranked by urgency. Priority follows impact, not tone. The " +
      "answer form is the level per item or a ranking, with a short reason as stated.",
    examples: [
      "Assign each ticket a priority: P1 (service down, or data or money at risk for many users), P2 (a core " +
        "function broken for one customer, no workaround), P3 (a workaround exists, or a deadline within a " +
        "week), P4 (questions, cosmetic issues, feedback). Answer with 'Ticket N: level' lines, then one sentence " +
        "on why the top ticket outranks the rest.",
      "Rank the emails from most to least urgent for their recipient, by what is at stake and how soon, not by " +
        "tone. A numbered list of email numbers, each with a reason of at most 12 words.",
      "Give each message an urgency level: high (money, safety or access at risk now), medium (needs action " +
        'within days) or low (no time pressure). Return a JSON array of objects with "message" and "urgency".',
    ],
    transformations: REQUESTS,
    guidance: "Rank by the impact and deadline the message describes, not by how upset or polite it sounds.",
    goals: NO_MULTI_LABEL,
  },
  {
    name: "spam_phishing_detection",
    definition:
      "Asks whether each message is legitimate, spam (unsolicited bulk promotion) or phishing (an attempt to " +
      "obtain credentials, money or personal data by deception), with these definitions in the task, and for " +
      "the concrete cues: a sender domain unlike the organization's, link text that differs from its address, " +
      "an artificial deadline, a request for credentials or payment. Legitimate messages that look alarming " +
      "need a reason too. The answer form is a label per message with its cues, often as JSON.",
    examples: [
      "Label each email as legitimate, spam or phishing (phishing: tries to obtain passwords, payment or " +
        "personal data by deception; spam: unsolicited bulk promotion). Return a JSON array of objects with keys " +
        '"email" (its number), "label" and "cues" (a list of short strings, empty for legitimate emails).',
      "Is Email 4 legitimate, spam or phishing? Phishing tries to get credentials, money or personal data by " +
        "deception; spam is unsolicited bulk promotion. State the label, then list the cues in the message " +
        "that support it.",
      "Some comments may be spam: unsolicited promotion, or links that have nothing to do with the discussion. " +
        "Mark every comment spam or legitimate, naming for each spam comment the cue that gives it away.",
    ],
    transformations: ["email_inbox", "social_media_posts", "forum_comments"],
    guidance:
      "Name cues that are visible in the message itself (sender, links, requests, pressure); do not rely on " +
      "knowledge of real organizations.",
    goals: FORM_ONLY,
  },
  {
    name: "toxicity_civility",
    definition:
      "Asks how civil each comment or post is on a stated scale with definitions (civil, uncivil, toxic), or " +
      "which toxicity subtypes it shows from a named set (insult, harassment, identity attack, profanity, " +
      "threat, none). Disagreement and harsh criticism of ideas are civil; contempt for people is not. Targets " +
      "comments that are polite but condescending, blunt but civil, or that quote someone else's insult. The " +
      "answer form is the label or subtypes per item, with a reason as stated.",
    examples: [
      "Rate each comment as civil (disagreement or criticism without personal attack), uncivil (rude, mocking " +
        "or dismissive toward a person) or toxic (insults, harassment or attacks on a group). Answer with one " +
        "line per comment: 'Comment N: label - reason'.",
      "Which toxicity subtypes does each post show: insult, harassment, identity_attack, profanity, threat? It may " +
        "show several or none. Return JSON mapping each post number to its list, empty when it shows none.",
      "Is Review 6 civil or uncivil? Criticism of the product, however harsh, is civil; mockery or contempt " +
        "aimed at a person is not. Give the label and a one-sentence reason.",
    ],
    transformations: ["forum_comments", "social_media_posts", "product_reviews"],
    guidance:
      "Judge how the author treats people, not how strongly they disagree; when quoting a comment's words, " +
      "quote only what the justification needs.",
  },
  {
    name: "formality_level",
    definition:
      "Asks for the formality of items on a stated scale (formal, neutral, informal; or 1 to 5 with anchored " +
      "ends), judged from vocabulary, grammar, contractions, slang, emoji, greetings and sign-offs, not from " +
      "topic, politeness or genre; or asks which item is most or least formal, or to order items by " +
      "formality. The answer form is the level per item or an ordering, with cues as stated.",
    examples: [
      "Rate the formality of Emails 1, 3 and 5 from 1 (very informal: slang, fragments, emoji) to 5 (very " +
        "formal: full sentences, titles, no contractions). Answer with the number for each email and two cues " +
        "that support it.",
      "Classify each message as formal, neutral or informal, judging only the wording (contractions, slang, " +
        "greetings, emoji), not the topic or how polite it is. Labels only.",
      "Of Posts 2, 4 and 7, which is the most formal and which the least? Order the three from most to least " +
        "formal and name one cue for each.",
    ],
    goals: FORM_ONLY,
  },
  {
    name: "multi_label_tagging",
    definition:
      "Asks for every applicable tag from a stated list of five to ten tags that can co-occur (themes of a " +
      "review, issues raised in a ticket, content flags of a post), zero or more per item, and says what an " +
      "item with no tag gets. Good tasks use tags that are neither synonyms nor mutually exclusive, and items " +
      "where two or three tags apply and a tempting one does not. The answer form is a list of tags per item.",
    examples: [
      "Tag each response with every theme it mentions from: pricing, staff, cleanliness, opening_hours, " +
        "accessibility, parking, suggestion. A response may get several tags or none. Return a JSON object " +
        "mapping each response number to its list of tags (an empty list when none apply).",
      "Mark each ticket with all the issue tags that apply (login, billing, data_loss, performance, " +
        "feature_request, praise), or none if no tag fits, in lines like 'Ticket 2: billing, performance'.",
      "For every comment, which content flags apply: off_topic, self_promotion, personal_attack, question, " +
        'contains_link? Give a JSON array of objects with "comment" and "flags", where "flags" may be empty.',
    ],
    guidance: "Give every tag the item supports and no other; a passing mention counts unless the task says otherwise.",
    // Tags co-occur: an item with cues for two tags takes both, so there is no better label to pick.
    goals: ["sarcasm_and_negation", "label_flip", "finer_label_set"],
  },
  {
    name: "aspect_based_sentiment",
    definition:
      "Names a list of aspects (price, quality, service, delivery, ease of use...) and asks, for one or more " +
      "items, which of them each item mentions and the author's sentiment toward each (positive, negative, " +
      "neutral), leaving out aspects not mentioned. Targets items that praise one aspect and criticize " +
      "another, or mention one only in passing. The answer form is aspect-sentiment pairs per item, often JSON.",
    examples: [
      "For Reviews 2 and 5, list each of these aspects that the review mentions - battery, screen, price, " +
        "customer_service, delivery - with the reviewer's sentiment toward it: positive, negative or neutral. " +
        'Return a JSON array with one object per review, with keys "review" and "aspects", where "aspects" ' +
        "maps each mentioned aspect to its sentiment.",
      "Which of room, breakfast, staff, location and noise does each review talk about, and how does the " +
        "reviewer feel about each (positive, negative, neutral)? Write 'Review N: aspect=sentiment; ...' and " +
        "skip aspects a review does not mention.",
      "Response 3 mentions some of these aspects: cost, waiting_time, staff, facilities. Make a Markdown table " +
        "with the columns Aspect and Sentiment (positive, negative or neutral) for the ones it mentions.",
    ],
    transformations: OPINION,
    guidance:
      "Include only aspects the item actually mentions; the sentiment is toward that aspect, not the item overall.",
    goals: NO_MULTI_LABEL,
  },
  {
    name: "register_identification",
    definition:
      "Asks for the register or communicative genre of an item, or of the whole text, from a stated set " +
      "(news report, opinion, press release, advertisement, technical, legal or administrative, academic, " +
      "personal), judged from purpose, audience and linguistic features. It differs from formality: a press " +
      "release and a legal notice are both formal. The answer form is the label with two or three features " +
      "of the text that mark it, as stated.",
    examples: [
      "Which register best describes Item 5: news report, opinion, press release or advertisement? Answer " +
        "with the label, then name two features of the text that mark it.",
      "Identify the register of each email (personal, business correspondence, marketing, automated " +
        "notification or administrative) and give two features of its wording that mark it, one email per line.",
      "Is the text as a whole a news report, an opinion piece, a press release, a technical document or an " +
        "academic text? Name the register first, then three features of the text that point to it.",
    ],
    transformations: ["news_headlines", "email_inbox", "social_media_posts", "identity"],
    goals: FORM_ONLY,
  },
  {
    name: "sarcasm_detection",
    definition:
      "Asks whether each named item is sarcastic or ironic (its intended meaning differs from, usually " +
      "reverses, its literal meaning) or sincere, and for each sarcastic item what the author actually means. " +
      "Good tasks mix sarcastic items with sincere ones that sound exaggerated or enthusiastic. The answer " +
      "form is sarcastic or sincere per item, plus the intended meaning of the sarcastic ones.",
    examples: [
      "For each of Posts 2, 5 and 7, say whether it is sarcastic or sincere. For each sarcastic post, state in " +
        "one sentence what the author actually means.",
      'Reviews 1 to 4: sincere or sarcastic? Answer in JSON, one object per review with "review", "label" and ' +
        '"meant" (what the author really means, or null for a sincere review).',
      "Is the author of Comment 5 being ironic? Say sarcastic or sincere, quote the words that show it, and for " +
        "a sarcastic comment restate its real meaning in plain words.",
    ],
    transformations: OPINION,
    goals: NO_MULTI_LABEL,
  },
  {
    name: "hierarchical_classification",
    definition:
      "Gives a two-level taxonomy in the task (three to five top-level categories, each with two to four " +
      "named subcategories) and asks for the category path of each item, or of the text: its top-level " +
      "category and the subcategory under it. Unlike a flat topic list, both levels are answered. Items near " +
      "the boundary between sibling subcategories test careful reading. The answer form is " +
      "'Category > Subcategory' per item, or JSON with both levels.",
    examples: [
      "Classify each ticket with this taxonomy, as 'Category > Subcategory':\n" +
        "Billing: double charge, refund, invoice request\n" +
        "Account: login problem, profile change, closure\n" +
        "Technical: outage, bug, performance\n" +
        "Answer with one line per ticket.",
      "Use this scheme for the news items: Economy (markets, jobs, trade), Society (education, housing, " +
        "crime), Science (space, climate, medicine). Return a JSON array of objects with the keys " +
        '"item", "category" and "subcategory".',
      "Where does each survey response belong? Service: staff, waiting_time. Facilities: cleanliness, parking, " +
        "accessibility. Cost: fees, payment_options. Give each response's path as Category > Subcategory, " +
        "or Other > Other when nothing fits.",
    ],
    goals: NO_MULTI_LABEL,
  },
  {
    name: "relevance_judgment",
    definition:
      "States an information need or a filter in the task (what a researcher or product team is looking for, " +
      "or a criterion such as 'reports a safety problem') and asks whether each item is relevant, partially " +
      "relevant or not relevant, with the three defined. Targets items that share keywords with the need " +
      "without addressing it, and items that address it in other words. The answer form is a label per item, " +
      "or the list of relevant items, with reasons as stated.",
    examples: [
      "A product manager wants feedback about the mobile app's checkout. Label each response relevant (says " +
        "something about checkout in the app), partial (mentions the app or payment, not checkout) or not " +
        "relevant. Answer with 'Response N: label' lines.",
      "A reporter is looking into how the new bus timetable affects commuters. Which posts are relevant (they " +
        "say how the timetable changes getting to work) and which partly relevant (about the buses or the " +
        "timetable, not commuting)? The rest are not relevant. List each group's post numbers with a brief reason.",
      "Filter: 'reports a safety problem with the product'. Mark each review relevant, partial (mentions a risk " +
        "without describing a problem) or not_relevant, as a JSON object from review number to label.",
    ],
    transformations: ITEMIZED,
    goals: NO_MULTI_LABEL,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of text-classification tasks. You are given an item (a set \
of texts and a classification task about them) and a refinement goal, and you propose concrete modifications \
that would turn the item into a new one meeting the goal. You do not write the new item: an editor will apply \
your suggestions.

A good suggestion:
- Is specific and actionable: it names the item heading and quotes the sentence of the texts, or the part of \
the task, concerned, and says what to change it into. A short replacement phrase is fine; a rewritten item or \
task is not.
- Achieves the goal on its own, and leaves a valid item: texts that still read as natural examples of their \
genre and state no labels, and a task that names its items, its full label set (with definitions where \
needed) and its output form, and has one defensible labeling.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal; its outcome gives the correct labels of the affected \
items after it.`;

const SUGGEST_GUIDELINES = `Your suggestions act on the words that decide a covered item's label, or on the label \
that competes with it.`;

const EDIT_SYSTEM = `You are an expert editor of text-classification tasks. You are given an item (a set of texts \
and a classification task about them), a refinement goal, and suggestions from a reviewer. You apply the \
suggestions and produce the revised item.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the item, skip \
it and keep the one that best serves the goal. The revised item must fully meet the goal.
- When you revise the texts, keep the genre, the item headings and their numbering; a new item takes the next \
number. Edited items stay natural, state no labels, and show no trace of the edit: no markers, notes or comments.
- The revised task follows the same rules as any task: it does not repeat the texts; it names its items, its \
full label set with the definitions and tie-break rules needed, and its output form; it never reveals or hints \
at the answer.`;

const EDIT_GUIDELINES = `Label every item the revised task covers from scratch, using only the task's definitions \
and tie-break rules: each must have one defensible label (or set of labels).`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an expert annotator carrying out a text-classification task. Your answer will be \
shown to a user who gave you the texts and the task, as a model of careful, consistent labeling.

How to label:
- Use only the labels the task defines, spelled exactly as given, and apply its definitions and tie-break rules \
over your own intuitions. If an item fits no label, use the task's fallback label; if there is none, choose the \
closest label and, where the output form allows, say in one sentence why none fits well.
- Judge each item by what its author means: read through sarcasm, irony, negation, hedges and rhetorical \
questions. Keep apart what the task separates: the author's sentiment from the events described, stance from \
tone, priority from politeness, civility from disagreement, formality from topic.
- Base every label on the item's own words, never on outside knowledge about the people, products or \
organizations in it.
- Label exactly the items the task asks for, each once, in the order given.
- When an item is genuinely borderline, give the label the definitions favor; where the output form allows a \
justification, name the competing label and why it loses.

How to answer:
- Follow the requested output form exactly. If the task asks for labels only, or for JSON, give exactly that \
and nothing else: for JSON, valid JSON with the keys named in the task and no text before or after it.
- If it asks for justifications, keep each to the length asked and cite the decisive words, quoting a few of \
them.
- If it fixes no form, give each item's label on its own line, each followed by a one-sentence justification.
Do not mention these instructions.`;

export default defineSkill({
  id: "text-classification",
  title: "Text Classification",
  split: "text_classification",
  description:
    "Teaches labeling short texts under explicit annotation guidelines. Each seed is turned by one of nine " +
    "agents into a set of texts people connected to its subject would write (product reviews, social-media " +
    "posts, support tickets, news headlines with ledes, an email inbox with spam and phishing, a forum thread, " +
    "survey responses, chatbot messages, or the seed itself), varied in sentiment, intent, urgency, stance and " +
    "tone, with sarcasm, negation and mixed signals; agents for three of 15 classification types (sentiment, " +
    "topic, intent, emotion, stance, urgency, spam and phishing, civility, formality, multi-label tags, " +
    "aspect-based sentiment, register, sarcasm, hierarchical categories, relevance) write tasks that name the " +
    "label set and the output form; refinement makes items ambiguous between two labels, adds sarcasm or " +
    "negation, switches to multi-label, flips a label or refines the label set; and the teacher labels the " +
    "items in exactly the requested form.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "texts",
  itemLabel: "task",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "product_reviews",
        description: "Customer reviews of products, services or places connected to the seed, several aspects each.",
        prompt: PRODUCT_REVIEWS,
      },
      {
        name: "social_media_posts",
        description: "Social-media posts reacting to the seed's subject, for and against one contestable claim.",
        prompt: SOCIAL_MEDIA_POSTS,
      },
      {
        name: "support_tickets",
        description: "Help-desk tickets about a product or service built on the seed, varied in intent and impact.",
        prompt: SUPPORT_TICKETS,
      },
      {
        name: "news_headlines",
        description: "Front-page news items (headline and lede) on the seed's subject and adjacent stories.",
        prompt: NEWS_HEADLINES,
      },
      {
        name: "email_inbox",
        description: "One person's inbox: work, personal and automated emails, with spam and phishing.",
        prompt: EMAIL_INBOX,
      },
      {
        name: "forum_comments",
        description: "A forum thread on the seed's subject, with comments ranging from helpful to uncivil.",
        prompt: FORUM_COMMENTS,
      },
      {
        name: "survey_responses",
        description: "Open-ended answers to a survey about something the seed's subject involves.",
        prompt: SURVEY_RESPONSES,
      },
      {
        name: "assistant_requests",
        description: "Messages users typed to a service's chatbot, for intent and urgency labels.",
        prompt: ASSISTANT_REQUESTS,
      },
      identityAgent(IDENTITY, "The seed as is, with extraction debris removed, classified as one document."),
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
        name: "ambiguous_between_labels",
        description:
          "Edit one item the task covers so that it carries real cues for two labels of the set at once (praise " +
          "with a serious reservation, a complaint that is also a cancellation, a minor issue described in " +
          "alarming words), while the task's definitions, or a tie-break rule you add to them, still make one " +
          "label the better choice. Revise the task if needed so that it asks for a justification for that " +
          "item. The correct answer picks the better label and says why the other loses.",
        editsContent: true,
        // Another item made ambiguous in another way makes a harder task.
        repeatable: true,
      },
      {
        name: "sarcasm_and_negation",
        description:
          "Rewrite one or two covered items with sarcasm, irony, negation ('not exactly a disaster'), double " +
          "negation or a contrastive clause ('the staff were lovely, but...') so that their surface words point " +
          "to a different label from the one the author means. The intended label must stay clear to a " +
          "careful reader. Leave the task unchanged unless its definitions must now cover the case.",
        editsContent: true,
        repeatable: true,
      },
      {
        name: "switch_to_multi_label",
        description:
          "Recast the task as multi-label: each item gets every applicable label (zero or more), the task says " +
          "what an item with none gets, and the output form holds a list per item. If the type's labels are " +
          "mutually exclusive (a polarity, a priority level), switch to co-occurring labels of the same " +
          "dimension (emotions, intents, themes, toxicity subtypes, aspects). Edit the texts if needed so that " +
          "at least one item takes two or more labels and one takes none.",
        editsContent: true,
        // A multi-label task cannot be switched to multi-label again.
        repeatable: false,
      },
      {
        name: "label_flip",
        description:
          "Edit the texts with the smallest change that makes the correct label of one covered item a " +
          "different one, ideally the opposite (positive to negative, favor to against, legitimate to phishing, " +
          "P4 to P1), while the item keeps its subject, length, genre and most of its wording, and the new " +
          "label is unambiguous. Leave the task unchanged.",
        editsContent: true,
        // A second flip could only undo the first.
        repeatable: false,
        outcome: "changes",
      },
      {
        name: "finer_label_set",
        description:
          "Replace the task's label set with a finer-grained one whose labels are close neighbours (polarity " +
          "to a five-point scale; anger to anger, frustration and disappointment; a flat list to a two-level " +
          "taxonomy), each defined precisely enough that every covered item still has one defensible label. " +
          "Adjust the output form to match, and edit the texts only if an item would otherwise have none.",
        editsContent: true,
        // A second refinement of a refined set yields labels no annotator could tell apart.
        repeatable: false,
      },
    ],
  },
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "texts",
    task: "Carry out the classification task above.",
  },
  userMessage: "{content}\n\n{instruction}",
});
