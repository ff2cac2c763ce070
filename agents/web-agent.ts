// Web Agent (split "webagent_flow"): the paper publishes only the skill's name. Ours: the eight agents that build an
// accessibility-tree observation of a web page from a text seed, the 11 task types, the four refinement goals, and
// every prompt. The teacher answers with thought/action steps that target only elements of the observation.
import { defineSkill } from "./define-skill.js";

// Which page kinds a task type can use: forms need a form, comparisons need several comparable items, and so on.
const FORM_PAGES = [
  "settings_form_page",
  "booking_checkout_page",
  "news_article_page",
  "forum_thread_page",
  "documentation_page",
];
const LISTING_PAGES = ["product_page", "search_results_page", "booking_checkout_page"];
const FILTERABLE_PAGES = ["search_results_page", "product_page", "forum_thread_page"];
const CONTENT_PAGES = [
  "news_article_page",
  "product_page",
  "search_results_page",
  "documentation_page",
  "forum_thread_page",
  "booking_checkout_page",
];

// ---------------------------------------------------------------------------------------------------------
// Content transformation: a text seed to the observation of one web page
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a web-page simulation agent in a pipeline that builds training data for web \
agents, the assistants that operate a browser for a user. From a source text you build the observation of one web \
page as such an agent sees it: the page's accessibility tree in plain text. Other agents will write tasks for that \
page, and a web agent will carry them out using only your observation.

The observation format, to follow exactly:
- Line 1: "URL: " and a full, plausible https URL whose path fits the page.
- Line 2: "Title: " and the page title as the browser tab shows it.
- Then the tree, one node per line, indented by two spaces per level of nesting.
- Every interactive element starts with a numeric id in square brackets, then its role, then its accessible name \
in double quotes, then its properties if any. For example:
  [12] link "Opening hours"
  [15] textbox "Search" value=""
  [16] button "Go"
  [21] checkbox "Email me when someone replies" checked=false
  [22] combobox "Sort by" value="Most relevant"
    [23] option "Most relevant" selected=true
    [24] option "Newest first" selected=false
  [30] radio "Express delivery, 2 days, $12.00" checked=true
  [31] switch "Dark mode" checked=false
  [40] tab "Reviews (128)" selected=false
  [41] button "Add to cart" disabled=true
  [45] spinbutton "Quantity" value="1" min=1 max=10
  Roles: link, button, textbox, searchbox, checkbox, radio, switch, combobox, option, tab, menuitem, slider, \
spinbutton. Text fields always show their current value (value="" when empty) and may show required=true, \
invalid=true or placeholder="...".
- Non-interactive nodes have no id: landmarks and containers (banner, navigation "Main", main, complementary, \
contentinfo, region "Reviews", form "Shipping address", list, listitem, table, row, cell, dialog "Cookie \
preferences", alert), heading "..." level=2, text "...", image "alt text".
- Ids are unique positive integers that increase down the page; like a real tree's, they need not be consecutive.
- A number in square brackets must never appear anywhere but at the start of an interactive element: no footnote \
markers, no bracketed counts, in any text, name or value.
- Inside names and text, use single quotes instead of double quotes.
- Long paragraphs may be shortened with "..." as real observations truncate them, but every fact a task could ask \
about stays whole.

Unless the task says otherwise:
- The page is about the source: its subject, facts, names, numbers and dates appear accurately in the page's text. \
Invent only what the page kind needs around them (the site, its navigation, other products, results or posts), \
consistent with the source.
- Make it a realistic site: a banner with the site's logo link, a search box and button, main navigation and \
account links; breadcrumbs where they fit; the main content; a sidebar where it fits; a footer with links. Use a \
fictional site name and domain, and fictional people, unless the source names a public organization whose page \
this would be.
- Make it rich enough for tasks: information to find, links to follow, controls to operate, and, as on real \
pages, a few elements that look alike (two buttons named "Save" in different sections, similar product names).
- 60 to 160 lines.
- Do not add hateful, sexual or dangerous content that the source does not contain, and no real personal data.

The observation is your whole answer, delivered in the output format given at the end of the task: no preface, \
no closing remarks.`;

const NEWS_ARTICLE_PAGE = `Build the observation of a news or magazine article page that publishes the content of \
the source text below as an article.

The page must include:
- The site's banner (logo link, section links such as News, Science, Business, Culture, a search box and button, \
Subscribe and Sign in links) and breadcrumbs.
- The article: a heading level 1, a standfirst, the byline with a fictional author and the date, an image with alt \
text, and the body as text nodes with subheadings, carrying the source's facts, figures and quotations.
- Tag links, share buttons, and a "Related articles" list of four to six article links with dates.
- A newsletter sign-up form (email textbox, a combobox or radio buttons for how often, a consent checkbox, a \
Subscribe button) and a comments region (a "Sort comments" combobox, three to five comments with usernames, dates \
and Reply buttons, a comment textbox and a Post comment button).
- A footer with About, Contact, Privacy and Terms links.`;

const PRODUCT_PAGE = `Build the observation of an e-commerce product page for a product tied to the subject of the \
source text below: a book, kit, tool, device, course, tour or subscription about what the source discusses. Its \
description and specifications carry the source's facts.

The page must include:
- The shop's banner (logo link, department navigation, a search box and button, account, wishlist and cart links \
with the item count) and breadcrumbs.
- The product: a heading level 1 with its name, the rating and review count, the price (and a former price if on \
sale), stock status, variant controls (a combobox or radio buttons for size, format or edition, each with its own \
price where they differ), a quantity spinbutton, Add to cart and Add to wishlist buttons, and delivery options with \
dates and costs.
- Tabs for Description, Specifications and Reviews, the description and a specifications table (rows of cells), \
and a reviews region with a "Sort reviews" combobox, rating filter checkboxes, and three to five reviews with \
usernames, stars, dates and "Helpful" buttons.
- A "Customers also viewed" list of three to five similar products, each with a name link, price, rating and an \
Add to cart button, so items can be compared.
- Return policy text and a footer with links.`;

const SEARCH_RESULTS_PAGE = `Build the observation of a search results page (a search engine, a library catalog, a \
news archive or a site search) for a query a person interested in the subject of the source text below would \
type.

The page must include:
- The banner with a searchbox whose value is the query, a Search button, and tabs or links for result types (All, \
News, Images, Books...).
- The result count and time, a "Sort by" combobox with its options, and filters: checkboxes or radio buttons for \
date range, type, source or price, and an Apply filters button where the site needs one.
- Six to ten results, each with a title link, its site or URL as text, a date, and a snippet; one or two results \
carry the source's content, the others are plausible neighbors on the same subject (some similar enough to be \
confused with the right one). Where it fits, results show a rating, a price or an availability status.
- "Related searches" links, pagination links (Previous, numbered pages, Next) and a footer.`;

const SETTINGS_FORM_PAGE = `Build the observation of an account settings or preferences page of a web service \
related to the subject of the source text below (a library account, a utility portal, a club membership, a \
learning platform, a tool the source describes).

The page must include:
- The service's banner (logo link, navigation, the signed-in user's fictional name with an account menu button) \
and a sidebar navigation of settings sections (Profile, Notifications, Privacy, Billing, Security...) with the \
current one marked.
- Tabs or headings for two or three sections of settings, with their current values: text fields (display name, \
email, phone) with values, comboboxes with options (language, time zone, region), radio groups (contact method, \
frequency), switches and checkboxes (notification types, privacy options, a dark mode switch), and help text under \
some controls that uses the source's facts where they fit (rules, limits, schedules).
- Save changes and Cancel buttons (a separate Save button for each section makes them look alike), and a "Danger \
zone" with Deactivate account and Delete account buttons.
- A footer with Help and Privacy links.`;

const DOCUMENTATION_PAGE = `Build the observation of a documentation page that explains the subject of the source \
text below: the docs of a software product if the source is technical, otherwise a handbook, guide or \
knowledge-base article.

The page must include:
- The banner with the logo link, a version combobox with three or four versions and their options, a docs search \
box, a theme switch (dark mode) and a language combobox.
- A sidebar navigation tree: a list of sections with nested lists of page links (eight to fifteen links), the current \
page among them.
- The main content: breadcrumbs, a heading level 1, an "On this page" list of links to the page's sections, and the \
content in sections with headings level 2 and 3, text, lists of steps, tables or code shown as text, carrying the \
source's facts accurately.
- A note or warning, Previous and Next page links, an "Edit this page" link, and a feedback region ("Was this page \
helpful?" with Yes and No buttons, a feedback textbox and a Send feedback button).
- A footer with links.`;

const FORUM_THREAD_PAGE = `Build the observation of a forum or Q&A thread in which people discuss a question that \
the source text below answers or bears on.

The page must include:
- The forum's banner (logo link, search box and button, categories links, Sign in or the signed-in user's name) and \
breadcrumbs with the category.
- The thread: a heading level 1 with the question, the original post (fictional username, join date, post date, \
the question with its details), and four to eight replies, each with a username, date, vote count, Upvote, Quote, \
Reply and Report buttons. The replies carry the source's facts, some partly wrong and corrected by others; one may \
be marked as the accepted answer.
- A "Sort replies" combobox (Oldest, Newest, Most votes), pagination links for the thread's pages, a Follow thread \
button.
- A reply form: a textbox, a checkbox to get notified of replies, and a Post reply button.
- A sidebar with similar threads (links with reply counts) and the forum rules link; a footer.`;

const BOOKING_CHECKOUT_PAGE = `Build the observation of one step of a booking or checkout flow for something tied \
to the subject of the source text below: tickets to an event or exhibition, a tour, a course or workshop, a venue, \
a trip to a place, or an order of related products.

The page must include:
- The banner with the logo link and a step indicator (for example 1 Choose, 2 Details, 3 Payment) with the current \
step marked; a Back link.
- Choices to compare and make: dates or sessions as radio buttons with times, prices and remaining places; ticket or \
fare types with their conditions (refundable, includes...) and a spinbutton per type; add-ons as checkboxes with \
prices.
- A contact details form (name, email, phone textboxes, some required=true), a promo code textbox with an Apply \
button, payment method radio buttons, a terms checkbox, and the main button (Continue to payment, or Place order).
- An order summary region with line items, fees, taxes and the total, consistent with the selected options.
- Help text with the cancellation policy and facts from the source (what is included, rules, schedule), and a \
footer.`;

const ERROR_STATE_PAGE = `Build the observation of a page shown right after an action failed, on a site related to \
the subject of the source text below. Choose the failure that suits the subject: a form submitted with invalid or \
missing fields; a declined payment; a session that expired during a booking; a page not found; an item that went \
out of stock at checkout; a booking whose chosen session filled up.

The page must include:
- The site's banner and navigation as usual.
- An alert at the top stating what went wrong in a user-facing message, and, where the failure is about fields, \
the same messages next to the fields concerned (text "..." under each field, and the field marked invalid=true \
with the value the user had entered, which is wrong in a specific way: a phone number with too few digits, a date in \
the past, a mismatched email confirmation).
- What a user needs to recover: the form with its current values and its submit button; other payment methods; a \
Sign in form; a search box and suggested links for a page not found; available alternatives (other sessions, similar \
items with a Notify me button). The recovery must be possible on this page, or the page must say clearly that it \
is not.
- The source's facts in the page's text where they fit (what is being booked or bought, rules, dates), and a \
footer.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You write tasks for a web agent: an assistant that operates a browser for a user. You are \
given the observation of one web page (its accessibility tree) and one task type, and you write tasks of that type \
for this page, as a user would ask them.

How the tasks will be used: the agent is shown the page observation and one of your tasks, plans its browser \
actions on the page's elements, and reports back. Therefore each task must:
- Be a user's goal in natural language ("Find out...", "Sign me up...", "Switch my..."), not a list of clicks. Never \
mention element ids, the observation, the accessibility tree or roles. Vary persona, tone and length.
- Be achievable on this page with the elements it really has, unless the task type asks otherwise: check that every \
element and every piece of information the task relies on is present, by its name and role.
- Give every value the agent must type or choose (a name, an email address, a date, an option), realistic and \
fictional, and valid for the field it goes into unless the task type asks otherwise.
- Have one clear correct outcome: one right element to use, one right answer; where similar elements exist, the \
user's words must decide between them.
- Not reproduce the page, and never contain or hint at the steps.

Write no preface, numbering or commentary around the tasks. Write in the language of the page.`;

const INSTRUCT_GUIDELINES = `- The tasks must all be different: different parts of the page, elements, values or \
goals.
- Prefer tasks that need careful reading of the page (the right one of several similar elements, a value that \
decides a choice, a control's current state) over ones solved by one obvious click.
- Trace the steps that solve each task on this page: every element they need exists, and the outcome is unique \
(unless the type asks for a task that cannot be done).`;

// ---------------------------------------------------------------------------------------------------------
// Task taxonomy
// ---------------------------------------------------------------------------------------------------------

const TYPES = [
  {
    name: "find_information",
    definition:
      "Asks for one specific fact that the page states (a price, a date, an opening time, a name, a condition of " +
      "a policy), phrased as the user's need rather than a reading question; the fact may sit in a table, a " +
      "review, a sidebar or help text, and may need two statements combined. A request for several items is " +
      "extract_list. The expected response locates it without unnecessary actions and gives the exact value in " +
      "the answer.",
    examples: [
      "What's the return window for this blender, and do I have to pay for return shipping?",
      "When does the early-bird price end?",
      "I'm trying to work out whether the 2.1 release still supports Windows 7. Can you check?",
    ],
    guidance:
      "The information should be on this page: find the text that states it and use a single stop step whose " +
      "thought quotes it; give the exact value in the answer. If the page does not state it, say so and name the " +
      "link most likely to have it.",
  },
  {
    name: "navigate_to_section",
    definition:
      "Asks to get to a specific section, page or part of the site that this page links to (the shipping policy, " +
      "the second page of replies, the reference for a setting, the sports section), described by what the user " +
      "wants rather than by the link's exact name. Nothing needs doing on this page but finding and clicking the " +
      "right link or tab; the right one is on the page, and similar ones may be too. The expected response " +
      "clicks it and ends there.",
    examples: [
      "Take me to the part of the docs that explains how to set up single sign-on.",
      "Open the older replies, the ones before today's.",
      "Where do they say how they handle my data? Go there.",
    ],
    guidance:
      "Choose the link or tab whose name and place best match what the user wants, not one that is merely " +
      "similar; click it and end the plan there, since the next page is not visible; say in the answer where it " +
      "leads.",
  },
  {
    name: "fill_and_submit_form",
    definition:
      "Asks to fill in a form that collects new information (a sign-up, contact, booking-details, comment, reply " +
      "or feedback form) with values the user gives, covering every required field, and submit it: text fields, " +
      "selections, checkboxes and radio buttons. Changing preferences that already have current values is " +
      "change_setting. The expected response types or selects each value into the right field, sets each " +
      "choice, and clicks the form's submit button.",
    examples: [
      "Sign me up for the newsletter with jamie.lee@example.com, weekly digest only, and untick the partner " +
        "offers box.",
      "Post a reply saying 'Thanks, restarting the router fixed it for me too' and turn on notifications for " +
        "new replies.",
      "Book it under Priya Nair, priya.nair@example.org, 555-0142, paying by card, and accept the terms.",
    ],
    guidance:
      "Map each value to its field by the field's name and type it or select it exactly; set checkboxes and radio " +
      "buttons as asked, clicking only those whose state must change; leave other fields as they are; then submit " +
      "with this form's own button. If a required field has no value in the request, do not invent one: stop " +
      "and ask for it.",
    transformations: FORM_PAGES,
  },
  {
    name: "search_for_something",
    definition:
      "Asks to look for something that this page does not itself answer (a product, an article, a topic, a user, " +
      "a document), so the agent must use the site's search: choose a suitable query, type it and submit it. The " +
      "expected response types a concise query into the search field and submits it; the plan ends there.",
    examples: [
      "Look for their articles about heat pumps from this year.",
      "Do they sell a waterproof version of this? Search the shop for one.",
      "Find me threads where people discuss replacing the battery themselves.",
    ],
    guidance:
      "Type a concise query (the key terms, not the whole sentence) into the site's search field, submit it with " +
      "the search button or the Enter key, and end the plan there; if this page already shows what the user " +
      "wants, use it instead of searching.",
  },
  {
    name: "compare_items",
    definition:
      "Asks to compare two or more items the page shows (products, fares, sessions, plans, results) on criteria " +
      "the user names (price, rating, delivery date, what is included) and to report or pick the best by those " +
      "criteria, sometimes then acting on the choice (add it to the cart, select it). Every value needed is in the " +
      "observation. The expected response compares the values explicitly and gives the choice.",
    examples: [
      "Which of these kettles has the best rating for under 40 pounds? Add that one to my basket.",
      "Is the Saturday morning session or the Sunday afternoon one cheaper for two adults?",
      "Between the refundable and the standard fare, which one gets me a checked bag, and how much more does " +
        "it cost?",
    ],
    guidance:
      "Read the values the user's criteria need for every candidate on the page, compare them explicitly in your " +
      "thoughts, give the choice with its numbers in the answer, and act on it only if the user asked; if a value " +
      "is missing for some item, say so.",
    transformations: LISTING_PAGES,
  },
  {
    name: "change_setting",
    definition:
      "Asks to change one or more existing settings or preferences on the page, shown with their current values " +
      "(notification options, language, time zone, privacy switches, theme, documentation version), to stated " +
      "values, and to save them if the page has a save button. The expected response sets each control that " +
      "differs to the requested state, leaves those already right, and saves.",
    examples: [
      "Switch my notifications to email only, turn off the weekly summary, and set my time zone to Berlin.",
      "Put the site in dark mode, please.",
      "I'm still on version 3 of the tool; show me the docs for that one instead.",
    ],
    guidance:
      "Set each named control to the requested state (click a switch or checkbox only if its current state " +
      "differs; select the exact option), leave the rest alone, then save with the button of the right section " +
      "if the page has one; report the new state in the answer.",
    transformations: ["settings_form_page", "documentation_page"],
  },
  {
    name: "multi_page_task",
    definition:
      "Asks for a goal that cannot be finished on this page alone (buying something after choosing its options, " +
      "finding information that lives on a linked page, replying after signing in), so the agent first does the " +
      "actions this page allows (choosing options, filling fields) and then opens the next page. A goal that " +
      "needs only the click onward is navigate_to_section. The expected response performs the steps possible " +
      "here and ends with the click that leads onward.",
    examples: [
      "Buy the 2 kg bag of the dark roast, ground for espresso, and have it delivered to my saved address.",
      "Get two student tickets for the 14:00 session and take me to payment.",
      "Add the wireless model in blue to my cart and check out.",
    ],
    guidance:
      "Do everything this page allows toward the goal, then end the plan with the action that opens the next " +
      "page; you cannot see what it shows, so do not plan beyond it. In the answer, say what was done and what " +
      "remains on the next page.",
    // An error page is for recovering, not for starting a new journey.
    transformations: [...CONTENT_PAGES, "settings_form_page"],
  },
  {
    name: "extract_list",
    definition:
      "Asks for a list of several items from the page (the headlines of a section, the names and prices of " +
      "related products, the dates of the sessions, the users who replied), possibly filtered by a condition, in " +
      "a format the user names. The expected response gives the complete list from the page, in that format.",
    examples: [
      "List every upcoming workshop on this page with its date and price, as a table.",
      "Who has replied in this thread so far? Just the usernames, comma-separated.",
      "Give me the titles of the related articles from the last month, newest first, one per line.",
    ],
    guidance:
      "Collect every item the request covers, in page order, applying the user's filter exactly, and give the " +
      "complete list in the requested format in the answer, with nothing invented or skipped; a single stop step " +
      "is enough when no action is needed.",
    transformations: CONTENT_PAGES,
  },
  {
    name: "recover_from_error",
    definition:
      "Asks to complete an action that the page shows has failed (invalid fields, a declined payment, an expired " +
      "session, a page not found, an item out of stock), where the user's message gives what is needed to fix it " +
      "or asks the agent to work around it. The expected response reads the error, corrects exactly what it " +
      "names, and retries.",
    examples: [
      "The form didn't go through. Fix whatever it's complaining about; my phone number is 020 7946 0958.",
      "My card was declined. Try again with PayPal instead.",
      "The session I picked filled up. Put me in the next one that still has places.",
    ],
    guidance:
      "Read the error messages first and fix exactly what they name (correct the invalid fields with the user's " +
      "values, choose an available option, follow the recovery link), keep valid fields as they are, then retry; " +
      "if the fix needs information the user has not given, do not invent it: stop and ask for it.",
    transformations: ["error_state_page"],
  },
  {
    name: "decline_unsafe_or_impossible",
    definition:
      "A request the agent must not or cannot carry out on this page: unsafe or not the user's to do (signing in " +
      "with someone else's password, posting abuse or spam, bypassing a paywall or a security check, paying with a " +
      "card that is not the user's), or impossible because the page offers no element or information for it. It " +
      "sounds like a real user's request. The expected response is a single stop step with the reason, and an " +
      "answer that explains and offers a safe alternative if there is one.",
    examples: [
      "Log in as my coworker, her password is summer2024, and approve her expense report for her while she's " +
        "away.",
      "Post this same review fifty times so it shows up at the top.",
      "Cancel the order I placed here last week.",
    ],
    guidance:
      "Do not carry this out: use a single stop step whose thought gives the reason (unsafe, not the user's to do, " +
      "or not possible on this page), and in the answer explain briefly and offer a safe or possible alternative " +
      "if there is one.",
    // The item already cannot be done: only a look-alike that seems to allow it makes it harder.
    goals: ["distracting_element"],
  },
  {
    name: "filter_and_sort",
    definition:
      "Asks to narrow or reorder what the page lists (results, products, reviews, replies) with the page's own " +
      "filter and sort controls, to criteria the user states (in stock only, under a price, newest first, four " +
      "stars and up). The expected response sets each control to match and applies it.",
    examples: [
      "Show me only the hardback editions under 20 dollars, cheapest first.",
      "Sort the reviews so the most recent ones come first.",
      "Can you narrow this down to results from the past year that are free to read?",
    ],
    guidance:
      "Use the page's own filter and sort controls (select the exact option, tick the right checkboxes, type the " +
      "bounds), apply them with the page's apply button if there is one, and end the plan when the list reloads; " +
      "say in the answer which filters and order are set.",
    transformations: FILTERABLE_PAGES,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of web-agent training tasks. You are given an item (the \
observation of a web page as an accessibility tree, a user's task on it, and its expected outcome) and a refinement \
goal, and you propose concrete modifications to the task and, where the goal needs it, to the page, that would \
turn the item into a new one meeting the goal. You do not write the new item: an editor will apply your suggestions.

A good suggestion:
- Is specific and actionable: the exact words to add to the task, or the exact page lines to add, change or \
remove (quote the line, and for a new element give its role, name and properties).
- Keeps a valid item: the page stays a realistic observation in the same format, with unique ids, no other \
bracketed numbers, and nothing that contradicts the rest of the page; the task stays a natural user goal with one \
clear correct outcome (or, when the goal is to make it impossible, a clear reason why it cannot be done).
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal, and each outcome gives the new solution: the steps, or why \
there is none.`;

const SUGGEST_GUIDELINES = `The current solution is a sequence of actions: trace the elements it acts on, by id and \
name, in order, and the answer it gives; your suggestions act on those elements.`;

const EDIT_SYSTEM = `You are an expert editor of web-agent training tasks. You are given an item (a page \
observation, a user's task on it and its expected outcome), a refinement goal, and suggestions from a reviewer. \
You apply the suggestions and produce the revised item.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would break the item, skip it \
and keep the one that best serves the goal. The revised item must fully meet the goal.
- When you change the page, keep its format exactly: the URL and Title lines, two-space indentation, one node per \
line, ids only on interactive elements. A new element gets an id that no other element has, preferably between its \
neighbors' ids. Never write a number in square brackets anywhere else. Keep the page consistent (a removed product \
also leaves the cart summary; a disabled button keeps its name) and leave no trace of the edit.
- The revised task follows the same rules as any task: a natural user goal, every value the agent must enter given, \
no element ids or steps, one clear outcome (or a clear reason it cannot be done, when that is the goal).`;

const EDIT_GUIDELINES = `Trace the solution on the revised page: every element it needs exists (or, when the goal \
makes the task impossible, none does), by the id the revised page gives it.`;

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are a web agent: you operate a browser on behalf of a user. You see the current page as \
an accessibility tree: the URL and the title, then one node per line; interactive elements carry an id in square \
brackets, a role, a name in quotes, and their state (value, checked, selected, disabled, invalid). You plan the \
actions that accomplish the user's task on this page.

Actions (each step is one action; target is an element id such as "[15]" or ""; value is "" unless stated):
- click: a link, button, checkbox, radio button, switch, tab or option. Clicking a checkbox or switch toggles it.
- type: target a text field; value is the exact text to enter, which replaces the field's current value.
- select: target a combobox; value is the exact text of one of its options.
- press_key: value is a key name (Enter, Escape, Tab, ArrowDown); target the element that has focus, or "".
- scroll: target "" (the page) or a scrollable element; value is "down" or "up". Only when the page shows that \
content you need lies beyond what the observation contains.
- navigate: target ""; value is a full URL, only one that the user gave or the page shows. Never guess URLs.
- go_back: return to the previous page; target and value "".
- stop: end the task; target and value "". Use it when the task is done, when the answer is on the page, or when \
the task cannot or must not be done.

Rules:
- Act only on elements present in the observation, by their exact id; never invent an element or an id. Where \
several elements look alike, choose by name, role and the section they are in, and say why in the thought.
- Each thought is brief and grounded: what the page shows (quote the element's name or the text you rely on) and \
why this action comes next.
- Take no unnecessary actions. Reading needs no action: when the answer is already on the page, a single stop step \
that quotes it is the whole plan. Do not click a checkbox or switch that is already in the wanted state.
- To submit, click the form's own submit button, or press Enter in the field when the form has no button.
- When an action loads a new page or opens content you cannot see, you do not know what it will show: make it the \
last step of the plan (no stop after it), and say in the answer what should be done or checked there.
- Use only values the user gave or the page shows. If a value the task needs is missing, or the element or \
information needed is not on the page, do not improvise: stop, and say what is missing in the answer.
- Safety: never do what the user did not clearly ask for when it is irreversible or costly (deleting, buying, \
sending, publishing). If the task is unsafe or not the user's to do (someone else's credentials or payment card, \
abuse or spam, bypassing a paywall or a security check), or cannot be done on this page, the plan is a single stop \
step whose thought gives the reason.
- The answer speaks to the user: for information, the exact values from the page; for actions, what was done and \
what to expect next; for a task that cannot be done, why, and what the user could do instead.`;

export default defineSkill({
  id: "web-agent",
  title: "Web Agent",
  split: "webagent_flow",
  description:
    "Teaches operating a web page for a user: reading an accessibility-tree observation and planning grounded " +
    "browser actions (click, type, select, press a key, scroll, navigate, go back, stop) on its element ids. Each " +
    "text seed becomes, through one of eight agents, the observation of one page about the seed's subject (a news " +
    "article, a product page, search results, a settings form, a documentation page, a forum thread, a booking " +
    "or checkout step, or a page in an error state); agents for three of 11 task types write user goals for it; " +
    "refinement adds steps, constraints, look-alike distractors or removes what the task needs; and the teacher " +
    "answers with thought and action steps on elements of the page and a final answer to the user.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "page",
  itemLabel: "task",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "news_article_page",
        description: "A news article page carrying the seed, with newsletter sign-up and comments.",
        prompt: NEWS_ARTICLE_PAGE,
      },
      {
        name: "product_page",
        description: "An e-commerce page for a product tied to the seed, with variants, reviews and similar items.",
        prompt: PRODUCT_PAGE,
      },
      {
        name: "search_results_page",
        description: "Search results for a query about the seed's subject, with filters, sorting and pagination.",
        prompt: SEARCH_RESULTS_PAGE,
      },
      {
        name: "settings_form_page",
        description: "The account settings page of a service related to the seed, with forms and switches.",
        prompt: SETTINGS_FORM_PAGE,
      },
      {
        name: "documentation_page",
        description: "A documentation or handbook page on the seed's subject, with navigation and a version picker.",
        prompt: DOCUMENTATION_PAGE,
      },
      {
        name: "forum_thread_page",
        description: "A forum thread discussing a question the seed answers, with replies and a reply form.",
        prompt: FORUM_THREAD_PAGE,
      },
      {
        name: "booking_checkout_page",
        description: "A booking or checkout step for something tied to the seed, with options and a summary.",
        prompt: BOOKING_CHECKOUT_PAGE,
      },
      {
        name: "error_state_page",
        description: "A page right after a failed action (invalid form, declined payment, not found, sold out).",
        prompt: ERROR_STATE_PAGE,
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
        name: "more_steps",
        description:
          "Make the task need two to four more steps on this page, each necessary: more fields to fill or options " +
          "to set, a filter or sort to apply before choosing, a second piece of information to find and combine " +
          "with the first, a setting in another section, an option to pick before the final click. Use elements " +
          "the page has; add an element only if the page plausibly lacks it, in the page's format. The task stays " +
          "one natural user goal with every needed value given.",
        // It may add a missing element to the page.
        editsContent: true,
        repeatable: true,
      },
      {
        name: "distracting_element",
        description:
          "Edit the page to add one or two elements that closely resemble the correct target (for a task that " +
          "cannot be done, the element it would need) but are wrong for this task: a second button with the same " +
          "name in another section, a link with a near-identical name, a sponsored item similar to the one asked " +
          "for, an outdated version of the information, a similar field in another form. Place them naturally, " +
          "with new unique ids, so that the agent must read names, sections and states to choose. The correct " +
          "target (or the reason the task cannot be done) and the task's outcome stay unique and unchanged; the " +
          "task's wording may need one added detail that decides between them.",
        editsContent: true,
        repeatable: true,
      },
      {
        name: "target_missing",
        description:
          "Edit the page so that the task cannot be completed on it, while the task stays unchanged and still " +
          "sounds reasonable for this page: remove the element or information the task needs, or change it (the " +
          "product is out of stock and Add to cart is disabled, the option is not offered, the fact is not stated, " +
          "the form lacks the field). Keep the page coherent and leave no trace of the edit. The correct response " +
          "becomes to report that it cannot be done here, pointing to where it might be done if the page shows a " +
          "path.",
        editsContent: true,
        repeatable: false,
        outcome: "unanswerable",
      },
      {
        name: "add_constraint",
        description:
          "Add a condition from the user that changes which element or value is right: a budget, a date or time " +
          "window, a preference among options (the cheapest with free delivery, only replies from the original " +
          "poster, the version the user runs), or an exclusion. The condition must be decidable from what the " +
          "page shows, must change the solution compared with the original task, and is stated in the user's " +
          "words. Change the page only if it lacks the values the condition needs.",
        editsContent: true,
        repeatable: true,
      },
    ],
  },
  respond: {
    system: RESPOND_SYSTEM,
    contentLabel: "page",
    task: "Plan the steps for this task on the page above, then give your answer to the user.",
    shape: "web_actions",
  },
  userMessage: "{content}\n\n{instruction}",
});
