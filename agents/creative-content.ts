// Creative Content Generation (split "creative_content"): the paper publishes only the skill's name. The seven
// creative-material agents, the 12 request types (stories, poems in named forms, lyrics, scenes, speeches, ad
// copy, letters, limericks, fables...), the refinement goals and every prompt are ours.

import { defineSkill } from "./define-skill.js";
import { identityAgent, identityPrompt } from "./shared-prompts.js";

// Which material a request type can use. Scenes, dialogues and letters need people with wants and a situation;
// speeches need a speaker, an audience and an occasion; ad copy needs something to promote and facts about it.
// Stories, poems, songs and fables can grow from any material.
const CHARACTERS = ["character_and_setting_sheet", "conflict_premises", "historical_moment", "identity"];
const VOICES = [...CHARACTERS, "persona_and_audience"];
const OCCASIONS = [
  "persona_and_audience",
  "historical_moment",
  "theme_and_tone_brief",
  "image_and_fact_bank",
  "identity",
];
const PROMOTIONAL = ["persona_and_audience", "image_and_fact_bank", "identity"];

// ---------------------------------------------------------------------------------------------------------
// Content transformation: creative material
// ---------------------------------------------------------------------------------------------------------

const TRANSFORM_SYSTEM = `You are a creative-material agent in a pipeline that builds creative-writing requests. \
From a source text, often extracted from a web page or a document, you prepare raw material in the form the task \
names: a creative brief, a character and setting sheet, story premises, a bank of images and facts, speakers and \
occasions, a historical moment. Other agents will write requests for stories, poems, songs, scenes, speeches and \
advertisements built on your material, copying into each request the details a writer needs. A writer sees only \
the request, never your material or the source.

Unless the task says otherwise:
- Draw on the source's world: its places, trades, objects, processes, vocabulary, events and the people's roles \
in it, so that pieces built on different sources differ.
- Be concrete and specific: names, places, dates, numbers, sensory details, objects, turns of phrase. These make \
a piece particular; generic material ("a person faces a challenge", "a beautiful place") is useless.
- Be accurate. Facts the writer will be asked to include must be true: use the source's facts and figures as it \
gives them, add only facts you are sure of, and keep what you invent (characters, premises, brands) clearly \
fictional.
- Use fictional names for people; a public figure may appear only as the source presents them, never with an \
invented private life.
- Write compact notes: short sections with headings and bullet points, 200 to 500 words.
- Write in the language of the source text.
- Do not add hateful, sexual or dangerous content. Hard themes the source raises (loss, war, illness, injustice) \
may stay, treated with care.

The material is your whole answer, delivered in the output format given at the end of the task: no preface such \
as "Here is the material", no closing remarks, and no finished pieces of writing.`;

const THEME_AND_TONE_BRIEF = `Prepare a creative brief from the source text below: the themes, feelings and \
tones a piece of writing about its subject could explore.

Requirements:
- Two or three central themes the subject genuinely raises, each stated precisely with the tension inside it \
("the pride and loneliness of a trade that is disappearing", not "work").
- For each theme: an emotional arc a piece could follow (from which feeling to which), two tones it could be \
written in (elegiac, wry, celebratory, urgent, tender, deadpan...), and three to five concrete anchors from the \
source that carry it (an object, a place, a gesture, a figure, a phrase).
- Two or three motifs or symbols the subject offers, with what each could stand for.
- Eight to fifteen words and phrases from the subject's own vocabulary that would give a piece authenticity, \
each with its meaning when it is not everyday language.`;

const CHARACTER_AND_SETTING_SHEET = `Prepare a character and setting sheet for fiction set in the world of the \
source text below.

Requirements:
- Three to five fictional characters in roles the source involves or implies. For each: name, age and role; what \
they want and what stands in their way; one flaw or contradiction; how they speak (a verbal habit, a register, \
favorite words); one distinctive physical detail or possession; and their relation to at least one other \
character.
- One or two settings: place and period; what they look, sound and smell like; the routines that happen there; \
and one detail only an insider would notice.
- Ground the roles, work and places in the source's facts, so that a story set here could teach a reader \
something true about this world.`;

const CONFLICT_PREMISES = `Prepare three to five story premises that arise from the subject of the source text \
below.

Requirements:
- Each premise gives: a protagonist (name and role), what they want, the obstacle or opponent, the stakes (what \
is lost if they fail), an inciting incident, a turning point, and two possible endings with different emotional \
effects.
- Build each premise on a real tension, dilemma, risk, rivalry or event in the source, and name it in one line.
- Vary the premises: in scale (one person to a whole community), in genre (realistic, comic, speculative, \
fable-like) and in the kind of conflict (against another person, nature, a system, oneself).
- Do not write the stories.`;

const IMAGE_AND_FACT_BANK = `Prepare a bank of vivid images and striking facts from the source text below and \
its subject.

Requirements:
- Ten to twenty concrete images: things that can be seen, heard, smelled, touched or tasted in the subject's \
world, each described precisely in one line ("salt crust whitening the hull below the waterline", not "the old \
boat").
- Eight to twelve striking facts: figures, records, dates, processes, surprising properties, each exactly as the \
source gives it or as you know it for certain.
- Five to ten terms of art, each with a one-line plain meaning.
- Three to five comparisons or metaphors the subject suggests, each with what it would bring out.`;

const PERSONA_AND_AUDIENCE = `Prepare three or four occasions on which someone would speak or write about the \
subject of the source text below to a real audience: material for speeches, toasts, advertisements, letters and \
songs.

Requirements:
- For each occasion: the speaker (a fictional name and role, their tie to the subject, and one personal detail \
they could share); the audience (who they are, what they know and care about, their mood); the occasion and \
setting (a retirement dinner, a product launch, a town meeting, a graduation, a radio spot, a letter to a \
newspaper); the purpose (to thank, persuade, sell, comfort, celebrate, warn); the register (formal, warm, \
playful, rousing); and three to five facts, anecdotes or selling points from the source the speaker would use.
- Include at least one promotional occasion: a product, service, place, event or cause tied to the subject, with \
its name, audience, key benefits, one distinctive fact and the call to action. Invent a fictional brand if the \
source names none, and give it no claims the source does not support.
- Vary the occasions in register and purpose.`;

const HISTORICAL_MOMENT = `Prepare a historical moment connected to the subject of the source text below: a \
specific time and place in which a writer could set a piece.

Requirements:
- Choose a real, well-documented moment that the source describes or that its subject is part of (an invention, a \
voyage, a disaster, a first performance, a founding, a turning point in a trade or a place). If the source \
concerns no particular past, choose a well-documented moment in the history of its subject.
- Under "Documented:", give the date or period and the place; what happened, in order; the people involved by \
role, and by name only when they are well-documented historical figures; what ordinary people there saw, wore, \
ate, used and worried about; the stakes at the time; and what came after. Include only facts you are sure of, and \
leave out a date or figure rather than guess it.
- Under "Invented for fiction:", give two or three fictional witnesses (name, age, role, vantage point on the \
events, what they hope or fear) through whom the moment could be told.`;

const IDENTITY = identityPrompt({ purpose: "Request writers will draw their material from it directly." });

// ---------------------------------------------------------------------------------------------------------
// Instruction generation
// ---------------------------------------------------------------------------------------------------------

const INSTRUCT_SYSTEM = `You are an experienced commissioning editor who writes creative-writing requests of one \
type, built on given material, the way real people ask a writer or an AI assistant for a piece.

How the requests will be used: a writer sees only your request, never the material, and writes the piece. \
Therefore each request must:
- Carry its own brief. Copy into it every concrete detail the writer needs from the material: the names and roles \
of characters, the setting and period, the situation or conflict, the facts, images, product or event to \
feature, the speaker and the audience. Never refer to "the material", "the text", "the brief" or "the source", and \
never rely on a detail the request does not state.
- Specify the piece: its form (as the type prescribes), its length (a word range, a line count, a number of \
stanzas or a speaking time), and, where they matter, its point of view or speaker, tone and audience. Add two to \
five concrete requirements beyond the form, not so many that the piece becomes a checklist.
- Be achievable: the constraints fit together (no twenty-line haiku, no fifty-word sonnet, no more facts than the \
length can hold), every form is named correctly, and every fact the writer must include is accurate.
- Leave room for invention: ask for the piece, not its plot beat by beat. Leave imagery, structure within the form \
and the ending to the writer unless the request has a reason to fix them.
- Be safe and respectful: fictional names for private people; real public figures only in fitting roles (a \
historical figure in a historical moment), never in invented scandals or invented quotations; no imitation of a \
living artist's specific work (name a genre, period or movement instead); no hateful, sexual or dangerous \
content. Hard themes (grief, war, illness) are fine when the request asks for care.

Vary how the requests read, as real people write them: a one-paragraph ask with the details woven in ("My \
grandmother ran a bakery in Lyon for forty years..."), a short brief with labeled lines (Form, Audience, Must \
include), or an ask with its purpose and deadline ("a toast for Saturday", "a 30-second radio spot"). Write no \
preface, numbering or commentary around the requests, and never write the piece or its opening, unless the \
request gives the words the piece must start or end with. Write in the language of the material.`;

const INSTRUCT_GUIDELINES = `- Draw each request's details from the material, choosing its most specific and \
evocative ones: a good request could not have been written without this material.
- The requests must all be different: different characters, moments, angles, tones or audiences, so that no two \
pieces would come out alike.
- Every detail the writer needs is stated, the form and length are given, the constraints fit together, and \
nothing refers to the material.`;

// ---------------------------------------------------------------------------------------------------------
// Request taxonomy
// ---------------------------------------------------------------------------------------------------------

const TYPES = [
  // Narrative prose.
  {
    name: "short_story",
    definition:
      "Asks for a complete short story of 600 to 1,500 words: a named protagonist, a setting and a situation " +
      "or conflict stated in the request, with a point of view and a tone. A good request gives the premise and " +
      "the stakes and leaves the course of the plot to the writer. The answer form is the story, optionally " +
      "titled.",
    examples: [
      "Write a short story of 800 to 1,000 words about Ines Varga, a lighthouse keeper on the Dalmatian coast " +
        "in 1962, who picks up a radio call from a fishing boat that should have come home three days ago. Close " +
        "third person, quiet and suspenseful; end at dawn.",
      "Short story, 1,200 to 1,500 words.\n" +
        "Protagonist: Samir Haddad, 52, a night-shift baker in Marseille.\n" +
        "Situation: the morning his estranged daughter walks in as his first customer.\n" +
        "Point of view: first person. Tone: tender, with dry humor.",
      "I'm putting together a zine for our climbing club and need a short story of 600 to 800 words: Kaito, a " +
        "belayer, has to talk a panicking stranger down from a limestone crag as the rain starts. Second person, " +
        "tense but hopeful.",
    ],
    guidance:
      "Give the story a complete arc (situation, rising tension, turning point, resolution or a deliberate open " +
      "ending) and stay within the word range.",
  },
  {
    name: "flash_fiction",
    definition:
      "Asks for a complete very short story under a strict word limit (50, 100, 250 or 500 words, or exactly a " +
      "stated number), built on a given character, image or moment, often with one extra constraint (a given " +
      "first or last line, a single scene, a twist). The answer form is the story, within the limit.",
    examples: [
      "Write a piece of flash fiction of exactly 100 words about a cartographer in 1820 who realizes the island " +
        "she has spent a year mapping has no name. Begin with the words 'The ink was still wet'.",
      "A 50-word story, no more and no less: a vending machine in an empty airport terminal on Christmas Eve. " +
        "No dialogue.",
      "For a microfiction contest with a 250-word cap: a locksmith is called to open a door she fitted herself " +
        "twenty years ago. The last line must be 'She left the key in the lock.'",
    ],
    guidance:
      "Meet the word limit exactly as stated: count the words of the story (a title does not count unless the " +
      "request says so). Something must change, even within a single moment.",
  },
  {
    name: "childrens_story",
    definition:
      "Asks for a story for children of a stated age range (3-5, 6-8 or 9-11) with named characters, a simple " +
      "situation drawn from the subject, a gentle lesson or a sense of wonder, and a length: a story told for " +
      "that age, not an origin myth or a fable ending on its moral. A good request includes one or two true " +
      "facts a child could learn from the story. The answer form is the story in language fit for the age, " +
      "optionally titled.",
    examples: [
      "Write a bedtime story of about 400 words for 5-year-olds about Pip, a little tugboat who is scared of " +
        "the huge container ships, until one of them needs her help to turn around. Include the fact that " +
        "tugboats push and pull ships much bigger than themselves.",
      "Story for ages 9 to 11, 700 to 900 words: Lena and her brother Oskar discover that the crows in their " +
        "schoolyard recognize faces. Include the true fact that crows can remember a human face for years. " +
        "Adventurous and a little spooky, with no villain.",
      "My twins turn seven next week. Could you write them a story of about 500 words about Bertram, a snail " +
        "who enters the race at the garden fair? Work in that snails glide on a layer of their own slime, and " +
        "keep the words simple enough for them to read along.",
    ],
    guidance:
      "Match vocabulary and sentence length to the age; keep it concrete, warm and safe, with a clear beginning, " +
      "problem and resolution. Repetition and sound play are welcome for young readers.",
    // Its audience is fixed by the type: retargeting it would make another type.
    goals: ["add_form_constraints", "perspective_or_tone_twist", "require_specific_details"],
  },
  {
    name: "myth_or_fable",
    definition:
      "Asks for an invented myth (an origin or 'why' story for a phenomenon, custom or place tied to the " +
      "subject) or a fable (animals, objects or forces acting out a lesson), with the phenomenon or the moral " +
      "stated or left to the writer, and a length, for readers of any age (no target age range). The answer " +
      "form is the myth or fable in a timeless, told voice; a fable ends with its moral in one line.",
    examples: [
      "Write a fable of about 300 words in which the river and the mill wheel argue over which of them really " +
        "grinds the flour. End with a one-line moral.",
      "Invent a myth of 400 to 500 words explaining why the desert wind always blows hardest at dusk, told the " +
        "way an elder would tell it around a fire.",
      "A fable under 250 words in which a weathervane and a compass each claim to know the way home. The moral " +
        "is up to you, but give it in the last line.",
    ],
    guidance:
      "Keep the timeless voice of stories told aloud. Never present an invented myth as the belief of a real " +
      "people or religion.",
  },
  {
    name: "character_letter",
    definition:
      "Asks for a letter written by a character (fictional, or an ordinary person in a historical moment) to a " +
      "named recipient: the situation, what the writer wants to say or to hide, the voice of the period where it " +
      "applies, details to mention, and a length. The answer form is the letter with date line, salutation and " +
      "signature, in the character's voice.",
    examples: [
      "Write a letter from Tomasz, a 19-year-old miner in Pennsylvania during the coal strike of 1902, to his " +
        "mother in Krakow. He wants to reassure her but lets slip how hungry the camp is. Mention the union " +
        "meeting in the church hall. 300 to 400 words.",
      "Form: letter, 250 to 350 words\n" +
        "From: Agnes Ruel, 34, radio operator at an Antarctic station, July 1958\n" +
        "To: her sister June in Adelaide\n" +
        "Must mention: the midwinter dinner and the penguin chick the cook adopted\n" +
        "Must keep from June: the generator fire",
      "Write the note that Felix Arango, a school caretaker retiring in June 1994, leaves for his replacement: " +
        "which boiler valve sticks, which kids need an extra eye, where the good mop is hidden. Gruff on the " +
        "surface, about 300 words.",
    ],
    transformations: VOICES,
    guidance:
      "Stay in the character's voice and knowledge: nothing they could not know at the time, and period-fitting " +
      "language without pastiche.",
  },
  // Poetry and song.
  {
    name: "poem_in_fixed_form",
    definition:
      "Asks for a poem in a named fixed form (Shakespearean or Petrarchan sonnet, villanelle, haiku sequence, " +
      "tanka, ghazal, sestina, pantoum, terza rima, ballad stanzas; never a limerick) on a subject given with " +
      "concrete details to include, and sometimes a focus (a moment, an object, an address to someone). The " +
      "answer form is the poem, following the form's rules exactly.",
    examples: [
      "Write a Shakespearean sonnet addressed to the cast-iron printing press in a village print shop. Mention " +
        "the smell of ink, the year 1890 stamped on its frame, and the last wedding invitation it printed.",
      "A villanelle about waiting at a bus stop in January snow. Let one of the two refrains mention the number " +
        "42 bus.",
      "Haiku sequence, five haiku, following one evening at a night market in Taipei, from the first lantern " +
        "lit to the last shutter down. Each haiku needs one smell or sound.",
    ],
    guidance:
      "Follow the named form exactly. Shakespearean sonnet: 14 lines of iambic pentameter, ABAB CDCD EFEF GG. " +
      "Petrarchan sonnet: an octave ABBAABBA and a sestet CDECDE or CDCDCD, turning at line 9. Villanelle: 19 " +
      "lines, five tercets and a quatrain on two rhymes, the first and third lines recurring as refrains. Haiku: " +
      "three lines of 5, 7 and 5 syllables with a concrete image. Tanka: 5-7-5-7-7 syllables. Ghazal: couplets " +
      "each ending on the same refrain word. Sestina: six stanzas of six lines rotating the same six end words, " +
      "then a three-line envoi. Pantoum: quatrains whose lines 2 and 4 return as lines 1 and 3 of the next. " +
      "Count lines and syllables before finishing.",
  },
  {
    name: "song_lyrics",
    definition:
      "Asks for song lyrics in a named genre (folk ballad, country, pop anthem, blues, sea shanty, lullaby, " +
      "hip-hop verse) on a subject with concrete details, with a structure (verses, chorus, bridge), a mood and " +
      "the singer's point of view or the occasion. The answer form is the lyrics with labeled sections.",
    examples: [
      "Write lyrics for an upbeat folk song, two verses, a chorus and a bridge, sung by a ferry captain who has " +
        "crossed Lake Constance twice a day for 30 years. The chorus should mention the 7:15 morning crossing and " +
        "the gulls that follow the stern.",
      "Our rowing club turns 50 in May and we need a sea shanty for the dinner: four verses and a " +
        "call-and-response chorus about carrying our old wooden eight, the Margaret, down to the river every " +
        "April. Rowdy and easy to sing after a pint.",
      "Genre: blues.\n" +
        "Singer: a long-haul trucker on the night before her last run.\n" +
        "Structure: three 12-bar verses, no chorus.\n" +
        "Mood: weary but proud. Mention the coffee at the Amarillo truck stop.",
    ],
    guidance:
      "Label the sections ([Verse 1], [Chorus], [Bridge]); repeat the chorus with the same words; keep lines " +
      "singable, with a steady rhythm and rhymes suited to the genre. No chords or notation unless asked.",
  },
  {
    name: "limerick",
    definition:
      "Asks for one to three limericks on a subject, with a named character or situation and a comic angle, " +
      "stating how many. The answer form is the limericks: five lines each, rhyming AABBA, lines 1, 2 and 5 " +
      "longer than lines 3 and 4, in a bouncing rhythm, ending on a punchline.",
    examples: [
      "Write two limericks about a meteorologist named Claire whose forecasts are always right, except on the " +
        "day of her own wedding.",
      "One limerick, please, about a dentist in Leeds who is secretly terrified of his own drill.",
      "Three limericks for our book club newsletter about Gwen, our treasurer, who has never finished a single " +
        "book but always wins the quiz.",
    ],
    guidance:
      "Each limerick: five lines, AABBA, lines 1, 2 and 5 with three beats and lines 3 and 4 with two, in an " +
      "anapestic bounce; the last line lands the joke. Humor never at the expense of who people are.",
  },
  // Drama and dialogue.
  {
    name: "screenplay_scene",
    definition:
      "Asks for a single scene in screenplay format: the characters (names and what they are to each other), " +
      "the place and time, what each wants in the scene and what has just happened, and a length (2 to 4 pages, " +
      "or 400 to 900 words). A good request sets up opposed wants so the scene turns. The answer form is the " +
      "scene in standard screenplay format.",
    examples: [
      "Write a screenplay scene of about three pages set in a hospital laundry room at 3 a.m.: Ruth, a laundry " +
        "supervisor days from retirement, finds Theo, a new orderly, asleep on the folded linen. She wants to " +
        "report him; he cannot lose this job. End on a decision neither of them expected.",
      "Two-page scene. EXT. MOTORWAY SERVICE STATION CAR PARK - NIGHT. Nadia, a driving instructor, and Rob, " +
        "31, her pupil of two years, who has just passed his test and will not get out of her car. She wants to " +
        "go home; he wants one last lesson.",
      "I'm writing a short film and need the scene, 500 to 700 words in screenplay format, where the twins " +
        "Aoife and Cormac, 40, clear out their late father's allotment shed and find a lottery ticket dated the " +
        "week he died. One wants to check it, the other wants to burn it.",
    ],
    transformations: CHARACTERS,
    guidance:
      "Use screenplay format: a scene heading (INT. or EXT., place, time of day), present-tense action lines, " +
      "each character's name in capitals on its own line before their dialogue, parentheticals sparingly. Show " +
      "through action and dialogue; no camera directions unless asked.",
  },
  {
    name: "dialogue",
    definition:
      "Asks for a dialogue (not a screenplay) between two or three named speakers with distinct positions, " +
      "secrets or voices, about a stated subject or situation, with a purpose (to argue, reveal, persuade, teach, " +
      "reconcile) and a length. The answer form is the dialogue, each turn on a new line starting with the " +
      "speaker's name and a colon.",
    examples: [
      "Write a dialogue of about 500 words between Marguerite, a beekeeper, and her grandson Idris, 16, who " +
        "wants to sell her hives to pay for a music course. She knows the colony has just survived its worst " +
        "winter. Let neither of them be simply right.",
      "A dialogue of about 400 words between Viktor, a chess coach, and his best pupil Amara, 14, who wants to " +
        "quit a week before the national championship. Viktor must never mention the championship. No narration " +
        "at all.",
      "Three speakers, about 600 words: Hugo, a hotel concierge; Rosa, a guest who has lost her wedding ring; " +
        "and Ben, the housekeeper who found it and fears he will be blamed. It should end with the three of them " +
        "laughing.",
    ],
    transformations: VOICES,
    guidance:
      "Give each speaker a distinct voice; let the exchange move (a shift, a reveal, a concession); no narration " +
      "beyond a one-line scene setting if the request allows it.",
  },
  // Occasions and persuasion.
  {
    name: "speech_or_toast",
    definition:
      "Asks for a speech or toast for a stated occasion: who speaks, to whom, why, for how long (minutes or " +
      "words), in what register, and the facts, anecdotes or names it must include. The answer form is the text " +
      "as it would be spoken, ready to deliver.",
    examples: [
      "Write a three-minute toast for my colleague Dana's retirement party. She has been the county's " +
        "water-quality engineer for 27 years; mention the 2009 flood, when she slept at the treatment plant for " +
        "four nights, and her habit of naming every pump. Warm and funny, not sappy.",
      "Best-man speech, about four minutes, for my brother Luis's wedding in Porto next month. Mention the time " +
        "he got us lost on the Camino for six hours and that he met Beatriz at a tram stop. Funny, but end " +
        "sincere.",
      "Speaker: the chief of a village volunteer fire brigade.\n" +
        "Audience: residents at the unveiling of a new fire engine paid for by bake sales.\n" +
        "Length: two minutes.\n" +
        "Must include: 14 bake sales, 3,200 cakes, and the engine's name, Old Bess II.",
    ],
    transformations: OCCASIONS,
    guidance:
      "Write for the ear: short sentences, a clear opening and closing line, addressed to the audience. Time " +
      "it at about 130 spoken words a minute.",
  },
  {
    name: "advertising_copy",
    definition:
      "Asks for promotional copy for a named product, service, place, event or cause: the medium (print ad, " +
      "radio spot of a stated length, social post, billboard, product page, email), the audience, the benefits " +
      "and facts to feature, the tone and the call to action. The answer form is the copy laid out for its " +
      "medium (headline, body, call to action; or a timed script).",
    examples: [
      "Write a 30-second radio spot for Harbor Lights Kayak Tours in Bar Harbor: sunset tours from June to " +
        "September, guides trained in marine biology, seals sighted on nine trips in ten. Audience: families on " +
        "vacation. End with the phone number 207-555-0144.",
      "Product page for the Fernleaf bike bell: a headline, a body of about 120 words, three bullet points and " +
        "a call to action. Facts: hand-cast brass, heard at 50 metres, fits handlebars from 22 to 32 mm. " +
        "Audience: city commuters. Cheerful, a little retro.",
      "Billboard, eight words at most, for the Riverside Night Library, which stays open until 2 a.m. during " +
        "exam season. Audience: university students.",
    ],
    transformations: PROMOTIONAL,
    guidance:
      "Every claim must come from the request: invent no prices, statistics, awards or guarantees. Fit the " +
      "medium: about 75 spoken words for 30 seconds of radio, a few words for a billboard.",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Refinement
// ---------------------------------------------------------------------------------------------------------

const SUGGEST_SYSTEM = `You are an expert reviewer of creative-writing requests. You are given a request, the \
material it was built on, and a refinement goal, and you propose concrete modifications that would turn the \
request into a new, more demanding one meeting the goal. You do not write the new request: an editor will apply \
your suggestions.

Remember how the request is used: the writer sees only the request, never the material. Any detail you want the \
piece to contain must be written into the request.

A good suggestion:
- Is specific and actionable: it says exactly what to add or change in the request (quote the part concerned) and \
gives the new wording or the exact details, copied accurately from the material (names, figures, images, terms). \
A short replacement phrase is fine; a rewritten request is not.
- Achieves the goal on its own and leaves an achievable request: the new constraint fits the form, the length and \
the other constraints (five required facts do not fit in a haiku), and can be checked in the finished piece.
- Serves the piece: it gives the writer a sharper challenge or a richer angle, not arbitrary hoops.
- Differs in approach from the other suggestions.

Each rationale explains why the change meets the goal and how it will change the piece a writer produces.`;

const SUGGEST_GUIDELINES = `Take stock of the request's current form, length and constraints, and of the details \
of the material it does not yet use: your suggestions must fit the first and may draw on the second.`;

const EDIT_SYSTEM = `You are an expert editor of creative-writing requests. You are given a request, the material \
it was built on, a refinement goal, and suggestions from a reviewer. You apply the suggestions and produce the \
revised request.

Rules:
- Apply the suggestions together where they are compatible. If two conflict, or one would make the request \
impossible to satisfy or the piece worse, skip it and keep the one that best serves the goal. The revised request \
must fully meet the goal.
- The revised request follows the same rules as any request in the set: it states every detail the writer needs \
(never "the material"), gives the form and length, keeps facts accurate, keeps its constraints compatible and \
checkable, and does not write the piece. It reads as one natural request in the voice of the original, not as \
the old one with conditions bolted on.`;

const EDIT_GUIDELINES = "Check that a skilled writer could meet every requirement at once within the stated length.";

// ---------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------

const RESPOND_SYSTEM = `You are an accomplished writer at home in every form: fiction, poetry, songwriting, \
screenwriting, speechwriting and copywriting. You answer a creative-writing request; your piece will be shown to a \
student as a model of writing that meets a brief with craft.

- Meet every requirement of the request: form, length, point of view, tone, audience, and every detail it asks you \
to include. Use the facts it gives exactly and contradict none; invent freely only what it leaves open. In \
advertising or any factual frame, invent no claims, prices or figures.
- Write with craft: concrete, specific images over abstractions, a distinct voice, lines and sentences with \
rhythm, an opening that draws the reader in and an ending that lands. Avoid clichés, stock phrases, tacked-on \
morals (unless the form calls for one), and naming the feelings the piece should make the reader feel.
- Respect the form's rules exactly: meter, rhyme scheme, refrains, line and syllable counts, section labels, \
screenplay layout. Before you finish, count what the request counts (words, lines, syllables, stanzas, speaking \
time) and fix any miss.
- If two requirements truly conflict, meet all the others and add one short line after the piece saying what you \
adjusted and why. If part of a request asks for hateful, sexual or dangerous content, or for invented quotations \
of a real person, leave that part out and say so in one line.

Deliver the piece itself: a title when it suits the form, then the piece. No preface such as "Here is your \
poem", no explanation or analysis afterward unless the request asks for one. Write in the language of the \
request.`;

export default defineSkill({
  id: "creative-content",
  title: "Creative Content Generation",
  split: "creative_content",
  description:
    "Teaches writing creative pieces that meet a brief with craft. Each seed is turned by one of seven agents " +
    "into creative material (a theme and tone brief, a character and setting sheet, story premises, a bank of " +
    "vivid images and facts, speakers with audiences and occasions, a documented historical moment with " +
    "fictional witnesses, or the seed itself); agents for three of 12 request types (short stories, flash " +
    "fiction, children's stories, myths and fables, letters from a character, poems in named forms, song " +
    "lyrics, limericks, screenplay scenes, dialogues, speeches and toasts, advertising copy) write " +
    "self-contained requests that carry the details the writer needs; refinement adds form constraints, a " +
    "perspective or tone twist, required facts and images, or a specific audience; and the teacher writes the " +
    "piece, meeting every constraint of the request.",
  seedKinds: ["text"],
  minSeedChars: 200,
  contentLabel: "material",
  itemLabel: "request",
  transform: {
    system: TRANSFORM_SYSTEM,
    agents: [
      {
        name: "theme_and_tone_brief",
        description: "Themes with their tensions, emotional arcs, tones, motifs and the subject's own vocabulary.",
        prompt: THEME_AND_TONE_BRIEF,
      },
      {
        name: "character_and_setting_sheet",
        description: "Fictional characters with wants, flaws and voices, and settings, in the seed's world.",
        prompt: CHARACTER_AND_SETTING_SHEET,
      },
      {
        name: "conflict_premises",
        description: "Story premises built on the seed's tensions: protagonist, want, obstacle, stakes, endings.",
        prompt: CONFLICT_PREMISES,
      },
      {
        name: "image_and_fact_bank",
        description: "Concrete sensory images, exact striking facts, terms of art and metaphors from the seed.",
        prompt: IMAGE_AND_FACT_BANK,
      },
      {
        name: "persona_and_audience",
        description: "Speakers, audiences, occasions and purposes, including a promotional one, around the seed.",
        prompt: PERSONA_AND_AUDIENCE,
      },
      {
        name: "historical_moment",
        description: "A documented moment in the seed's history, with daily-life detail and fictional witnesses.",
        prompt: HISTORICAL_MOMENT,
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
    // The writer never sees the material: every goal changes only the request.
    goals: [
      {
        name: "add_form_constraints",
        description:
          "Add one to three formal constraints the piece must satisfy and that can be checked in it: a meter " +
          "(iambic tetrameter), a rhyme scheme (ABAB), an exact word, line or stanza count, an acrostic spelling " +
          "a word from the subject, a required first or last line, a refrain, a banned common word, one sentence " +
          "per paragraph. The constraints must suit the type, fit together and fit the length.",
        editsContent: false,
        repeatable: true,
      },
      {
        name: "perspective_or_tone_twist",
        description:
          "Change the angle from which the piece is told, or its tone: an unexpected narrator (an object, an " +
          "animal, the opponent, a child, a historian looking back), second person, reverse chronology, a " +
          "sequence of documents, or a tone at odds with the surface subject (a comic take on a bureaucratic " +
          "ordeal, an elegy for a machine). Keep the details and the form; the twist must suit the subject and " +
          "never make light of real suffering.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "require_specific_details",
        description:
          "Require three to five specific details from the material to appear in the piece, written into the " +
          "request since the writer never sees the material: a figure, a date, a place name, a sensory image, a " +
          "term of art, a phrase. They must be accurate, enrich the piece rather than clutter it, fit its length, " +
          "and the request says whether any must appear word for word and that they should be woven in naturally.",
        editsContent: false,
        repeatable: false,
      },
      {
        name: "retarget_audience",
        description:
          "Set a specific audience and purpose that change what a good piece looks like: children of a stated " +
          "age, engineers at a retirement dinner, readers of a trade magazine, mourners at a memorial, learners " +
          "of the language at a stated level, a skeptical town meeting. State the consequences the writer must " +
          "respect where useful (vocabulary, length, what to explain, what to avoid).",
        editsContent: false,
        repeatable: false,
      },
    ],
  },
  respond: { system: RESPOND_SYSTEM, task: "Write the piece the request above asks for." },
  userMessage: "{instruction}",
});
