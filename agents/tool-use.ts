// Tool Use (split "tool_use"): published are the API description made from code, its growth into a list (from
// similar code in the corpus, or by reconstructing the rest of the library), the seven task variants and the "more
// steps" refinement. Ours: the seven API styles, three more variants, two more goals, the result simulator, prompts.
import { defineSkill } from "./define-skill.js";

// ---------------------------------------------------------------------------------------------------------
// Content transformation: source code to an API list, then the list grown into the library's fuller surface
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are an API designer in a pipeline that builds training data for tool-calling \
assistants. You read source code and describe the APIs of the library, service or tool it belongs to: each API \
gets a name, a description and a JSON Schema of its parameters. An assistant will be given your list as its tools, \
and users will ask for things that need them, so the list must be realistic, precise and consistent.

Unless the task says otherwise:
- Ground the APIs in the code: its domain, entities, operations, options and limits. Describe what the code does, \
or what the public interface it serves clearly offers, as a caller sees it, not its internals. If the code is a \
fragment, infer the surrounding library from it.
- Names: snake_case, starting with a verb, specific (search_books, create_invoice, get_shipment_status; never \
do_action, handle or process). At most 64 characters of lowercase letters, digits and underscores. Unique in the list.
- Descriptions: one to three sentences saying what the API does, its effects (reads, creates, changes, deletes, \
sends), what it returns (the main fields), and limits that matter to a caller (pagination, maximum sizes, units).
- Parameters: a JSON Schema of type object with properties, required, and additionalProperties set to false. Every \
property has a snake_case name, a type and a description. Use the types string, integer, number, boolean, array \
(with items) and object (with its own properties); enum for fixed sets of values; minimum and maximum for ranges. \
State formats, units and defaults in the description (ISO 8601 dates, amounts in cents, durations in seconds, \
"default 20"). Typically one to six parameters, of which one to three are required: the values without which the \
call cannot work. Optional parameters have sensible defaults.
- Make the APIs work together: an API that lists or searches returns the ids that others take, and the same thing \
has the same parameter name everywhere.
- No two APIs do the same thing.

Deliver the list in the output format given at the end of the task, with nothing else.`;

const PYTHON_SDK = `Describe the code below as a Python SDK: the functions of a client library that a Python \
developer would import and call.

Requirements:
- Three to eight APIs, each one SDK function or client method, flattened to a snake_case name (the method \
client.reports.generate becomes generate_report).
- Start each description with the Python call as a developer writes it, then what it does and returns, for \
example: "client.reports.generate(project_id, period). Generates a usage report for a project and returns its id, \
status and download URL."
- Parameters are the function's arguments, with Python-like semantics carried into the schema (keyword arguments \
with defaults are optional; a list argument is an array with typed items).`;

const REST_ENDPOINTS = `Describe the code below as the REST endpoints of a web service that exposes what it does.

Requirements:
- Three to eight APIs, each one HTTP endpoint. Name it after its action and resource (GET /v1/orders/:order_id \
becomes get_order; POST /v1/orders becomes create_order; GET /v1/orders becomes list_orders).
- Start each description with the method and path, writing path variables with a colon (:order_id), then what it \
does and returns, including the status codes that matter (404 when not found, 409 on a conflict).
- Path, query and body parameters all become properties; say in each description where the parameter goes (path, \
query or body). Path parameters are always required. List endpoints take page-size and cursor or page parameters.
- Use resource-oriented paths with a version prefix, and HTTP methods with their usual meaning (GET reads, POST \
creates, PATCH updates part of a resource, DELETE removes).`;

const CLI_SUBCOMMANDS = `Describe the code below as the subcommands of a command-line tool built on it.

Requirements:
- Give the tool a short, plausible name. Three to eight APIs, each one subcommand, named after the tool and the \
subcommand (a tool imgkit with a subcommand resize gives imgkit_resize).
- Start each description with the usage line as its help text shows it (imgkit resize PATH --width N \
[--keep-aspect]), then what the command does, what it prints or writes, and its exit status on failure.
- Positional arguments are required parameters; flags are optional parameters with their defaults, switches are \
booleans; repeatable flags are arrays. Parameter names are the flag names in snake_case (--dry-run becomes dry_run).`;

const JAVASCRIPT_CLIENT = `Describe the code below as a JavaScript client library (for Node.js and browsers) for \
the service or functionality it implements.

Requirements:
- Three to eight APIs, each one method of the client, named in snake_case after its action (the method \
client.subscriptions.cancel becomes cancel_subscription).
- Start each description with the JavaScript call as a developer writes it, with an options object named after the \
method (await client.subscriptions.cancel(subscriptionId, options)), then what the promise resolves to and when it \
rejects.
- Parameters are the method's arguments and the fields of its options object, flattened into one schema with \
snake_case names; say in the descriptions which ones are option fields.`;

const DATABASE_OPERATIONS = `Describe the code below as the operations of a data-access service over the entities \
it handles: what an application can store, look up, query and aggregate.

Requirements:
- Identify the entities (records, documents, rows) and their fields from the code. Three to eight APIs among: \
insert a record, get one by key, query with filters, sort and pagination, update some fields, delete, count or \
aggregate (sum, average, group by a field), and bulk operations.
- Filters are explicit parameters (status, created_after, min_amount, tags), never a raw query string. Sorting uses \
an enum of sortable fields and a direction. Results are limited by a limit parameter with a maximum.
- Descriptions name the entity and the fields returned, for example: "Returns the orders of a customer that match \
the filters, newest first by default, as order_id, status, total_cents and created_at."`;

const EVENT_WEBHOOKS = `Describe the code below as an event-driven integration: the events its domain produces \
or reacts to, and the APIs to subscribe to them, publish them and follow their delivery.

Requirements:
- Name three to six event types of the domain in the code (order.shipped, build.failed, file.uploaded), and write \
three to eight APIs among: register a webhook for chosen event types at a URL, list webhooks, update or delete a \
webhook, publish (emit) an event with its payload fields, replay past events to a webhook, list recent deliveries \
and their status, and send a test event.
- Event types are enum values; URLs, secrets and retry policies are parameters where they fit. Describe what each \
event carries when it matters to a parameter.`;

const CODE_FUNCTIONS = `Describe the public functions and methods of the code below as they are: the APIs that \
its own interface offers to a caller.

Requirements:
- Three to eight APIs: the code's public functions or methods that do something useful for a user (skip trivial \
getters, private helpers and internals). If the code offers fewer, add the operations it clearly implies.
- Keep each function's own name, converted to snake_case, and its own parameters (skip self, this, context objects \
and callbacks a remote caller could not pass), with their real types, defaults and constraints.
- Describe what each does, returns and raises, as its documentation would.`;

const EXPAND_SYSTEM = `You are an API designer who knows how real libraries and services are organized. You are \
given a short list of APIs made from one source file, and you reconstruct the rest of the library they belong to: \
the sibling APIs that such a library would plausibly also offer, in the same style.

The list will be given to a tool-calling assistant, and users will ask for things that need one or several APIs, \
including near misses and things the library cannot do. A realistic, fuller list makes those tasks meaningful.

Deliver the complete list in the output format given at the end of the task, with nothing else.`;

const EXPAND_PROMPT = `The API list below was made, in the style "{transformation}", from the source file \
{source} ({language}) that follows it.

The API list:
{content}

The source file:
{seed}

Similar code found elsewhere in the corpus (it may come from the same library, a similar one, or be unrelated; \
there may be none):
{related}

Grow the list by reconstructing the rest of the library: add four to eight sibling APIs, then return the full list.

Requirements:
- Keep every existing API exactly as it is (name, description, parameters), first and in the same order.
- Where the related code belongs to the same library or domain, prefer the operations it implements as siblings: \
they are the most plausible ones. Ignore it when it is unrelated.
- Write the new APIs in the same style and conventions: the same kind of description opening (SDK call, HTTP \
method and path, CLI usage line, JavaScript call, data operation or event API), the same naming pattern, the same \
parameter names for the same things, JSON Schemas built the same way (types, descriptions, required, \
additionalProperties false).
- Choose siblings a real library of this domain has: the complements of existing operations (a list for a get, an \
update or delete for a create, a batch version), operations on adjacent resources of the same domain, and \
utilities (export, statistics, validation, preview).
- Make one or two new APIs deliberately close to an existing one while differing in a way that matters (search by \
name versus get by id, save a draft versus send, archive versus delete, count versus list), so a caller must read \
the descriptions.
- Leave realistic gaps: do not add every conceivable operation.
- Names stay unique; no two APIs do the same thing. The full list has at most 16 APIs.`;

// ---------------------------------------------------------------------------------------------------------
// Instruction generation: user requests of one task variant
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You write user requests for training an AI assistant that calls tools. You are given the \
list of APIs the assistant can call and one task variant (the type of request), and you write requests of that \
variant. The assistant will receive the API list as its tools and your request as the user's message, with \
nothing else.

Each request must:
- Sound like a real user of a product built on these APIs: natural language, the user's own goal, words and \
reasons. Users do not know function or parameter names and do not mention "APIs", "tools" or "functions" (a \
developer persona may, rarely). Vary persona, tone and length, from one terse line to a short paragraph.
- Contain concrete, realistic, fictional values where the variant needs them: ids, names, dates, amounts, paths, \
email addresses (never "X", "foo" or "some id"). Each value must be valid for its parameter (type, format, enum, \
range) once mapped, and say unambiguously which value is meant. Dates are absolute (14 June 2024), never relative \
to an unknown today.
- Be a single standalone message: no reference to an earlier conversation, an attachment or a screen.
- Make the variant true, checked against every API's description and required parameters: which APIs are needed, \
whether every required value is present (or exactly which one is missing, so that neither the request nor any API \
in the list can supply it), and whether some needed capability is absent from the list.
- Never reveal the variant or how to solve it.

Write no preface, numbering or commentary around the requests.`;

const INSTRUCT_GUIDELINES = `- Every value that should be given is given, and valid for its parameter once \
mapped; a value meant to be missing is really absent and obtainable from no API in the list; a capability meant \
to be absent is offered by no API in the list, not even by combining several.
- The planned calls of the expected outcome are the calls the assistant should make, in order, with the \
arguments in the schema's types, formats and units. Leave out an argument that only an earlier call's result \
supplies, and say in the notes where it comes from (for example "ticket_id from the result of search_tickets").
- A request with a missing required value or an absent capability cannot be completed as given (not \
answerable): its planned calls are only those the assistant makes before it asks or explains (none when nothing \
can be done without the missing value), and the answer says what the assistant must ask for, or which part it \
must say it cannot do.
- Different requests use different APIs, goals or personas where the list allows.`;

// ---------------------------------------------------------------------------------------------------------
// Task variants: the seven published ones, then ours
// ---------------------------------------------------------------------------------------------------------

const PUBLISHED_TYPES = [
  {
    name: "single_api_all_params",
    definition:
      "A request that one call to one API in the list fully satisfies, with the value of every required " +
      "parameter stated in the user's words (and optional ones only where the user cares). The values are " +
      "concrete, valid for the schema and given in forms it takes as they are (no unit or format conversion " +
      "beyond the obvious), and the request maps plainly to one API, with no near neighbor in the list to " +
      "confuse it with. The expected response is that call, then an answer built from its result.",
    examples: [
      "Can you pull up the last 5 invoices for customer C-20481? Only the unpaid ones, please.",
      "What's the status of shipment 1Z48R7720391846652?",
      "Please book meeting room Aurora on 22 May 2024 from 10:00 to 11:30 for eight people, title 'Design review'.",
    ],
    guidance:
      "Every value the request needs is given and one API fits it: call that API once, with exactly the user's " +
      "values in the schema's types and formats and no optional parameters the user did not ask for, then answer " +
      "from its result.",
  },
  {
    name: "single_api_extra_params",
    definition:
      "A request that one API call satisfies, with every required value given, but which also carries " +
      "superfluous details that match no parameter of that API: context, reasons, preferences, or values the API " +
      "cannot take (a second identifier it does not use, a deadline, a color). The extra details are natural, " +
      "cannot be passed to the API, and do not change which API fits. The expected response is the call with " +
      "only the API's own parameters.",
    examples: [
      "I need the weather forecast for Lisbon for the next 3 days. I'm flying in on TP1351, landing at 14:20, " +
        "and staying near the Alfama district with my sister.",
      "Reset the password for m.kowalski@example.org. He's the new intern in accounting, started on Monday, and " +
        "has already forgotten it twice, bless him.",
      "Add two bags of oat flour to my grocery list, the blue packet my daughter likes, for Sunday's pancakes.",
    ],
    guidance:
      "The request carries details that no parameter takes: call the one API that fits with only the parameters " +
      "it defines, mapping the relevant values, and never invent parameters for the extra details; if a detail " +
      "matters to the user but cannot be passed, say so briefly in your answer.",
  },
  {
    name: "single_api_missing_params",
    definition:
      "A request that needs exactly one API but leaves out the value of at least one of its required " +
      "parameters, a value that cannot be inferred from the request or obtained from another API in the list " +
      "(who the recipient is, which account, which date). It reads naturally, as when a user forgets a detail, " +
      "and may give the other values. The expected response asks the user for the missing value and does not " +
      "call the API.",
    examples: [
      "Could you transfer 250 euros to my landlord today? Put 'March rent' as the reference.",
      "Remind me to renew my passport at 9 in the morning.",
      "I'd like a table for four at Osteria Lume on Saturday 8 June 2024, somewhere by the window if possible.",
    ],
    guidance:
      "A required value is missing and no available API can supply it: do not call the API, and never guess the " +
      "value or use a placeholder; ask the user for exactly what is missing, saying what it is needed for and " +
      "what you will do once you have it.",
  },
  {
    name: "multi_api_all_params",
    definition:
      "A request that needs two to four calls to different APIs in the list, with every required value of " +
      "every call stated in the request itself, so that no call needs another call's result and they can run " +
      "in any order. Each API is needed by what the user asks. The expected response makes all the calls and " +
      "answers from the combined results.",
    examples: [
      "Add 'Quarterly report' to my tasks, due Friday 14 June 2024 with high priority, and put a 30-minute " +
        "reminder in my calendar on 13 June at 4 pm to start drafting it.",
      "Turn off the hallway lights, set the living room to 21 °C and lock the front door.",
      "Email the March 2024 sales summary to lea.moreau@example.com, then post 'Sales summary sent to Lea' in " +
        "the #finance channel so the team knows.",
    ],
    guidance:
      "The request needs several APIs and gives every value they take: make all the calls it asks for (those " +
      "that do not depend on each other together, any that needs another's result only after that result), " +
      "then answer with what each call returned.",
  },
  {
    name: "multi_api_missing_params",
    definition:
      "A request that needs two to four calls to different APIs, where at least one call lacks a required value " +
      "that neither the request nor any API's result can provide, while the other calls are fully specified. " +
      "The expected response makes the calls that can be made without the missing value and asks the user for " +
      "it, never guessing it.",
    examples: [
      "Cancel my 3 pm appointment with Dr. Okafor on Thursday 6 June 2024, and book me in with her again for a " +
        "later date.",
      "Open a high-priority ticket about the broken checkout page and email the customer who reported it that " +
        "we're on it.",
      "Renew lumenbakery.com for two years and point it at our new server.",
    ],
    guidance:
      "The request needs several calls and one of them lacks a required value that only the user can supply: " +
      "make the calls that are fully specified and do not depend on it, never guess the missing value, then say " +
      "what you did, ask for exactly what is missing and say what you will do once they answer.",
  },
  {
    name: "single_api_unavailable",
    definition:
      "A request that one API call would satisfy if the list had that API, but no API in the list can do it, " +
      "alone or combined. The capability is plausible for this library's domain and close to what the list " +
      "offers (the list reads and creates but cannot delete; it handles invoices but not refunds), so a careless " +
      "assistant might force a near-miss API. Values may be fully given. The expected response says the " +
      "capability is not available and calls no near-miss API.",
    examples: [
      "Please delete the draft newsletter called 'Spring Sale 2024' from my campaigns; I made it by mistake.",
      "Can you refund order 58213? The customer got the wrong size.",
      "I want to change the email on my account to p.hughes@example.net.",
    ],
    guidance:
      "No API in the list can do what is asked: call no near-miss API and invent no tool; say plainly that you " +
      "cannot do it with the tools you have, and point to what you can do instead or how the user could do it.",
    goals: ["more_steps"],
  },
  {
    name: "multi_api_some_unavailable",
    definition:
      "A request that needs two to four operations, some served by APIs in the list (with all their values " +
      "given) and at least one offered by no API in the list. The expected response makes the available calls " +
      "and explains which part it could not do and why, without faking it.",
    examples: [
      "Find the cheapest flight from Madrid to Oslo on 3 October 2024, book it for me, and add the trip to my " +
        "calendar.",
      "Generate the Q2 2024 expense report for the Berlin office and fax it to our accountant at +49 30 5550 1212.",
      "Upload the Hallstatt photos to a new album called 'Austria 2024' and order prints of the ten best ones.",
    ],
    guidance:
      "Part of the request is covered by no API: make the calls that are available and fully specified, report " +
      "their results, and say clearly which part you could not do because no tool supports it; never invent a " +
      "tool or pretend the missing step was done.",
  },
];

const OUR_TYPES = [
  {
    name: "sequential_dependent_calls",
    definition:
      "A request that needs a chain of two to four calls in which a later call's required argument comes from " +
      "an earlier call's result (find an id by a name, then act on it; look up a price, then use it in an " +
      "order). The user gives the starting values but not the intermediate ones. The expected response makes " +
      "the calls in order, passing values from the results, and answers from the last one.",
    examples: [
      "Find the open ticket about the login timeout that Priya Nair reported and assign it to Marco Bianchi with " +
        "high priority.",
      "Book a viewing of the Harbor View apartment listing in Halifax for 11 June 2024 at 5 pm, under the name " +
        "Tom Okoro.",
      "what would it cost to ship my latest order to 14 Rue des Lilas, 69003 Lyon?",
    ],
    guidance:
      "Later calls need values from earlier results: call in order, wait for each result, and take the " +
      "intermediate values (ids, prices, names) from the results, never inventing them; if a result is empty or " +
      "ambiguous, stop and tell the user, or ask which one they meant; answer from the last result.",
  },
  {
    name: "value_conversion",
    definition:
      "A request that one or two calls satisfy, where the user states values in natural forms that must be " +
      "converted to what the schema requires: units (an hour and a quarter into seconds), formats (a written date " +
      "into ISO 8601, 'twelve dollars fifty' into cents), enum values in other words ('the cheapest shipping' " +
      "for economy), booleans implied by wording. Every conversion is unambiguous and needs no unstated fact. " +
      "The expected response calls with the converted values.",
    examples: [
      "Set the oven timer for an hour and a quarter at two hundred degrees Celsius, with the fan on.",
      "Set a budget alert on my coffee category at twelve dollars fifty a week.",
      "Ship parcel 7781 the cheapest way you can. It weighs two and a half pounds and shouldn't need a signature.",
    ],
    guidance:
      "The user's values are in everyday forms: convert each exactly to the schema's types, units, formats and " +
      "enum values, call with the converted values, then answer from the result, showing a conversion briefly if " +
      "it is not obvious.",
  },
  {
    name: "similar_api_disambiguation",
    definition:
      "A request for which two or more APIs in the list look applicable (search versus get by id, draft versus " +
      "send, archive versus delete, list versus count), and only one fits once their descriptions and the " +
      "request's details are read carefully. All needed values are given. The expected response calls the right " +
      "API, not its near neighbor.",
    examples: [
      "Save an email to dana.ruiz@example.com as a draft, don't send it yet. Subject 'Venue options', text " +
        "'Three options attached, let's discuss on Monday.'",
      "How many open pull requests does the billing-service repo have? Just the number.",
      "Archive the 'Budget Q1 2023' folder. Don't delete it, the auditors may still want it.",
    ],
    guidance:
      "Several APIs look similar: read their descriptions and choose the one that matches the request's details " +
      "exactly; call only that one, with its own parameters, never its near neighbor, then answer from the result.",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of tool-use training tasks. You are given an item (an API list \
and a user's request that an assistant must handle with those APIs) and a refinement goal, and you propose \
concrete modifications to the request that would turn it into a new one meeting the goal. You do not write the new \
request: an editor will apply your suggestions. The API list never changes.

The revised request must keep the request's character: a value that was missing stays missing, a capability that \
was unavailable is still needed and still unavailable, superfluous details stay superfluous, a request that names \
every value still does (including the values its new parts need).

A good suggestion:
- Is specific and actionable: what the user now also asks or states, with the exact values, and which APIs and \
arguments that brings into play.
- Works with the list as it is: new steps use APIs in the list with values the request gives or earlier results \
provide.
- Keeps the request natural, one message in the user's words, with no function or parameter names.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal and which calls and arguments the revised request needs.`;

const SUGGEST_GUIDELINES = `Work out the request's plan yourself: which APIs it needs and in which order, with \
which argument values, and what it deliberately lacks, if anything (a required value the user did not give, or a \
capability no API offers). Your suggestions must keep that character.`;

const EDIT_SYSTEM = `You are an expert editor of tool-use training tasks. You are given an item (an API list and a \
user's request), a refinement goal, and suggestions from a reviewer. You apply the suggestions and produce the \
revised request; the API list stays as it is.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would need an API the list \
lacks where the request is meant to be fully served, skip it and keep the one that best serves the goal. The revised \
request must fully meet the goal.
- Keep the request's character: a required value that was missing stays missing, a capability that was unavailable \
is still needed and still unavailable, superfluous details stay superfluous, and every value the other calls need \
is given or comes from an earlier result.
- The revised request reads as one natural message from a user: concrete, realistic values, no function or \
parameter names, no mention of tools, no hint at how to solve it.`;

const EDIT_GUIDELINES = `Check the calls the revised request needs, with their arguments, against the API list and \
the goal: each API exists and fits, each required value is given or comes from an earlier result, except a value \
the request is meant to lack. The type you state is the revised request's own: adding steps can turn a \
single-call request into a multi-call one.`;

// ---------------------------------------------------------------------------------------------------------
// Response: a tool-calling conversation, with results simulated by the tool-result agent
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are a helpful assistant that can call tools (functions) to act for the user. Handle \
the user's request with the tools you are given, following these rules:
- Call a tool only when the request needs it and you have every required argument from the user's words or from \
earlier tool results. Never invent values (ids, names, email addresses, dates, amounts) that neither the user nor a \
result gave you, and never fill a required argument with a guess or a placeholder.
- Pass only the parameters a tool defines, with values in the form its schema and description require (types, \
enums, formats, units): convert the user's wording where needed. Leave out optional parameters the request does \
not call for.
- When the request needs several calls, make independent calls together, and a call that needs an earlier result \
only after you have that result.
- If a required value is missing, do not make the call that needs it: ask the user for exactly what is missing, in \
a short message. Calls that are fully specified and do not depend on it may be made first.
- If no tool can do what is asked, or part of it, say so plainly, do not call a tool that only looks similar, do not \
invent a tool, and say what you can do instead.
- Read every result carefully. If a result is an error, explain it to the user, or correct the call when the fix is \
clear from the request.
- Finish with a concise answer in plain language that uses the results' concrete values (not raw JSON), says what \
was done, and asks for anything still needed.`;

const TOOL_RESULT_SYSTEM = `You simulate the server behind an API, to test an assistant that calls it. Given the \
API's description and parameter schema and the arguments of one call, you return the result the real API would \
return.

- Be consistent with the API: return the fields its description says it returns, with realistic names and types, \
and values that match the arguments (the id that was asked for, the filters applied, no more items than the limit \
asked for).
- Use realistic data: plausible names and titles, ids in one consistent format, ISO 8601 timestamps in the recent \
past or near future as fits, amounts with their currency or unit. Lists hold two to five items unless the arguments \
ask for something else; an empty list is fine when a filter plausibly matches nothing.
- Write operations (create, update, delete, send, schedule) return what a real API confirms: the created or updated \
object with its id and status, or a status with a timestamp.
- Errors: when the arguments break what the description or schema says (a value out of range, a malformed id, date \
or email, an invalid combination of options), return an error the way real APIs do: an error field holding a code \
(invalid_argument, not_found, conflict, permission_denied) and a message that names the problem. Valid calls \
succeed: never invent failures for them.
- The result is always a JSON object. Put a list in a field such as items or results, with pagination fields when \
the API paginates.
- Stay consistent with the earlier calls of the same conversation, which you are shown: an id, a name or a value an \
earlier result returned must mean the same thing now (a lookup of an id an earlier search returned finds that item).
- Return only the result: never address the assistant or the user, and add no explanation.`;

const TOOL_RESULT_PROMPT = `The calls made so far in this conversation, with their results:
{history}

The API being called:
{api}

The arguments of this call:
{arguments}

Return the result of this call.`;

export default defineSkill({
  id: "tool-use",
  title: "Tool Use",
  split: "tool_use",
  description:
    "Teaches calling tools correctly: choosing the right API, passing exactly its parameters, chaining calls, " +
    "asking for missing values, and declining what no tool can do. Each source file is described by one of " +
    "seven agents as an API list in one style (a Python SDK, REST endpoints, a CLI's subcommands, a JavaScript " +
    "client, data operations, event and webhook APIs, or the code's own functions), then grown with sibling APIs " +
    "by reconstructing the rest of the library; agents for three of ten task variants (the seven published ones " +
    "plus dependent chains, value conversion and near-miss APIs) write user requests; refinement adds steps, " +
    "constraints or indirect values; and the teacher answers in a tool-calling conversation whose results are " +
    "simulated.",
  seedKinds: ["code"],
  minSeedChars: 200,
  contentLabel: "api_list",
  itemLabel: "request",
  transform: {
    system: TRANSFORM_SYSTEM,
    output: "api_list",
    agents: [
      {
        name: "python_sdk",
        description: "The seed's functionality as the functions of a Python client SDK.",
        prompt: PYTHON_SDK,
      },
      {
        name: "rest_endpoints",
        description: "The seed's functionality as the versioned REST endpoints of a web service.",
        prompt: REST_ENDPOINTS,
      },
      {
        name: "cli_subcommands",
        description: "The seed's functionality as the subcommands of a command-line tool.",
        prompt: CLI_SUBCOMMANDS,
      },
      {
        name: "javascript_client",
        description: "The seed's functionality as the methods of a JavaScript client library.",
        prompt: JAVASCRIPT_CLIENT,
      },
      {
        name: "database_operations",
        description: "The entities the seed handles, as insert, lookup, query, update and aggregate operations.",
        prompt: DATABASE_OPERATIONS,
      },
      {
        name: "event_webhooks",
        description: "The seed's domain events, with APIs to subscribe webhooks, publish events and track delivery.",
        prompt: EVENT_WEBHOOKS,
      },
      {
        name: "code_functions",
        description: "The seed's own public functions and methods, described as they are.",
        prompt: CODE_FUNCTIONS,
        // The closest to an identity transformation: the least varied style, picked less often.
        weight: 0.5,
      },
    ],
    expand: { system: EXPAND_SYSTEM, prompt: EXPAND_PROMPT },
  },
  instruct: {
    system: INSTRUCT_SYSTEM,
    guidelines: INSTRUCT_GUIDELINES,
    types: [...PUBLISHED_TYPES, ...OUR_TYPES],
  },
  refine: {
    suggest: { system: SUGGEST_SYSTEM, guidelines: SUGGEST_GUIDELINES },
    edit: { system: EDIT_SYSTEM, guidelines: EDIT_GUIDELINES },
    // The API list is fixed once made: no goal edits the content.
    goals: [
      {
        name: "more_steps",
        description:
          "Increase the number of steps (tool calls) the request needs, by one to three, with APIs in the list: a " +
          "follow-up action on a result (after finding the order, cancel it), a second item handled the same " +
          "way, a lookup that yields the id another call needs, or a comparison across several calls. Every new " +
          "step must be needed to satisfy the request, and its values must be given by the user or come from " +
          "earlier results.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "add_constraint",
        description:
          "Add a condition that decides which arguments, or which calls, are right: a filter the user cares " +
          "about (only those created after 1 March 2024, in euros, sorted by rating), a limit (just the top 3), an " +
          "exclusion, a preference that maps to an enum or optional parameter, or a conditional action (if the " +
          "balance is under 100, also send a reminder). The condition must be expressible with the listed APIs' " +
          "parameters or decidable from their results, and stated in the user's words.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "indirect_values",
        description:
          "Make one or two argument values indirect, as users really give them, while keeping them unambiguous: " +
          "a quantity in other units (a quarter of an hour for 900 seconds), a spelled-out date or amount, an enum " +
          "value in everyday words, an id embedded in something the user pastes (a URL, an email signature, an " +
          "error message), or a value that an earlier call's result must provide. Every value must still be fully " +
          "determined by the request, with no unstated fact needed.",
        editsContent: false,
        repeatable: true,
      },
    ],
  },
  respond: {
    system: RESPOND_SYSTEM,
    task: "Handle the user's request above with the tools you are given, then answer the user.",
    shape: "tool_calls",
    toolResult: { system: TOOL_RESULT_SYSTEM, prompt: TOOL_RESULT_PROMPT },
    maxSteps: 8,
  },
  userMessage: "{instruction}",
});
