"""Sample journal content for the demo vault: parts, relations and six months of entries.

Pure data, read by ``partsjournal.vault.demo``, which turns ``days_ago`` (and the ``days_ago`` of
each stage change) into dates relative to now, so the sample always covers the last six months.
Everything is written in the first person of one fictional journal writer who practises IFS on
their own, with a therapist and with a peer partner. Parts are referred to by their ``key``.

The journal shows a believable arc: early entries are blended and tentative, later ones more
Self-led, with a setback along the way. Peer-session entries only record the writer's own parts
and experience; the peer's material stays with the peer, as their agreements say.

Attributes:
    PEER_NAME: First name of the writer's peer-session partner.
    PARTS: Part profiles, one dict per part: ``key``, ``name``, ``role``, the profile text fields,
        ``color``, ``trust_in_self``, ``stage``, ``archived`` and ``stages``, the dated stage
        history as ``[days_ago, stage, note]`` lists, oldest first, ending at ``stage``.
    RELATIONS: Relations between parts: ``kind``, ``from`` and ``to`` (part keys) and ``note``.
    ENTRIES: Journal entries, oldest first: ``days_ago``, ``hour``, ``kind``, ``title``,
        ``body`` (Markdown), ``trailhead``, ``self_energy``, ``qualities`` (some of the 8 C's),
        ``parts`` as ``[part key, note]`` lists, and for peer sessions also ``my_role``,
        ``planned_minutes``, ``agreements`` and ``debrief``.
"""

from __future__ import annotations

PEER_NAME: str = "Ines"

PARTS: list[dict[str, object]] = [
    {
        "key": "critic",
        "name": "The Critic",
        "role": "manager",
        "job": (
            "Points out every mistake before anyone else can. Keeps me working harder so that "
            "nobody is ever disappointed in me."
        ),
        "fears": (
            "That if it lets up I'll get lazy, be found out and be left. That someone else will "
            "say the harsh thing first and it will hurt more."
        ),
        "age": "Thinks it's about twelve, though it talks like a tired fifty-year-old.",
        "body": "A tight band across my forehead, clenched jaw, shoulders up by my ears.",
        "appearance": (
            "A thin figure in a grey cardigan holding a red pen. Lately the pen is down on the "
            "desk more often than not."
        ),
        "burdens": "Believes love has to be earned by being flawless.",
        "needs": "To know I'm an adult now and can survive mistakes. To be thanked, and to rest.",
        "triggers": (
            "Emails that start with 'quick question', being corrected in meetings, photos of "
            "myself, deadlines."
        ),
        "notes": (
            "Polarized with the Scroller: the harder it pushes by day, the harder the Scroller "
            "pulls me under at night. Agreed in therapy to step back while I was with Eight, and "
            "kept its word. Now trying out a new role as an editor rather than a judge."
        ),
        "color": "#8b5e3c",
        "trust_in_self": 6,
        "stage": "befriended",
        "archived": False,
        "stages": [
            [165, "noticed", "First time I wrote 'a part of me thinks I'm lazy' instead of 'I'm "
                             "lazy'."],
            [140, "getting_to_know", "Did the six F's with it on my own. It told me its fear: "
                                     "that people will stop bothering with me."],
            [82, "befriended", "Agreed to step back while I'm with Eight. Said 'you've done all "
                               "right.'"],
        ],
    },
    {
        "key": "planner",
        "name": "The Planner",
        "role": "manager",
        "job": (
            "Makes lists, rehearses conversations, packs for every kind of weather. If everything "
            "is planned, nothing can blindside me."
        ),
        "fears": (
            "Chaos. Being caught off guard the way I was as a kid, when the mood at home changed "
            "without warning. Empty afternoons, where the quiet gets in."
        ),
        "age": "Around ten, very serious.",
        "body": "A buzz behind my eyes, quick shallow breathing, a pull to reach for my notebook.",
        "appearance": "A small serious kid with a clipboard and a pencil behind one ear.",
        "burdens": "That safety only comes from being in control of everything.",
        "needs": (
            "To see that I can handle surprises. Permission to plan a little less, and to plan the "
            "fun bits."
        ),
        "triggers": "Unstructured weekends, last-minute changes, open-ended questions.",
        "notes": (
            "Allied with the Critic. Since our truce it plans picnics and train times and leaves a "
            "couple of hours blank. It still insists on packing snacks."
        ),
        "color": "#4a7c9b",
        "trust_in_self": 7,
        "stage": "befriended",
        "archived": False,
        "stages": [
            [158, "noticed", "Three to-do lists for one Saturday. Tight-calm."],
            [128, "getting_to_know", "Showed me its clipboard. Afraid of being caught off guard."],
            [75, "befriended", "Made a deal: it plans the fun bits and leaves two hours blank."],
        ],
    },
    {
        "key": "pleaser",
        "name": "The Pleaser",
        "role": "manager",
        "job": (
            "Reads what people want and gives it to them before they ask. Says yes on my behalf, "
            "and makes sure I'm never a burden."
        ),
        "fears": (
            "That if I say no, or take up too much room, people will go cold and leave, and I'll "
            "be on my own again like at the new school."
        ),
        "age": "About eleven. Very polite.",
        "body": (
            "A bright smile that doesn't reach my eyes, a flutter high in my chest, my voice going "
            "up a tone."
        ),
        "appearance": "A tidy kid in her best clothes holding out a plate of biscuits to everyone.",
        "burdens": "My needs come last; being useful is what makes me worth keeping around.",
        "needs": "To find out that Ines and my friends stay even when I pause, or say no.",
        "triggers": "Someone sighing, requests at work, being the companion in a peer session.",
        "notes": (
            "Works hand in hand with the Weather Watcher. Polarized with the Snapper: it swallows "
            "everything until the Snapper can't bear it any more. Guards the New-School Kid."
        ),
        "color": "#d98ba6",
        "trust_in_self": 4,
        "stage": "getting_to_know",
        "archived": False,
        "stages": [
            [115, "noticed", "Showed up before my first turn as explorer: 'don't take too long, "
                             "don't be boring.'"],
            [26, "getting_to_know", "Caught it performing 'good companion'. It's the New-School "
                                    "Kid's bodyguard."],
        ],
    },
    {
        "key": "watcher",
        "name": "The Weather Watcher",
        "role": "manager",
        "job": (
            "Scans faces and rooms for the first sign of a mood change, so I can adjust before the "
            "storm breaks."
        ),
        "fears": "Missing the signs and getting caught in the middle of it.",
        "age": "About eight. It arrived around the same time as Eight.",
        "body": "Darting eyes, straining ears, a stillness like holding my breath.",
        "appearance": (
            "A kid sitting at the top of the stairs, knees pulled up, listening to the voices "
            "below."
        ),
        "burdens": "Other people's moods are my responsibility.",
        "needs": "To trust that grown-up me can notice the weather and still stay dry.",
        "triggers": "Closed doors, a change in someone's tone, long silences on the phone.",
        "notes": (
            "Much calmer since Eight left the kitchen; it likes to sit on the floor by the window "
            "seat. It still checks faces in peer sessions, but now it tells me when it's doing it."
        ),
        "color": "#6b8e23",
        "trust_in_self": 6,
        "stage": "befriended",
        "archived": False,
        "stages": [
            [150, "noticed", "Knew who was irritated in the team meeting before anyone spoke."],
            [105, "getting_to_know", "At the top of the stairs, listening. Wary of compliments."],
            [58, "befriended", "Took a day off from scanning faces and sat with Eight instead."],
        ],
    },
    {
        "key": "scroller",
        "name": "The Scroller",
        "role": "firefighter",
        "job": (
            "When the feelings get too big it switches them off: phone until one in the morning, "
            "one more episode, a second glass of wine."
        ),
        "fears": (
            "That the loneliness underneath will flood me and I won't be able to work the next day."
        ),
        "age": "Feels like a teenager.",
        "body": "Heavy arms, glazed eyes, a warm blank fuzz in my head.",
        "appearance": "A slouched teenager in a hoodie on the sofa, face lit blue by a screen.",
        "burdens": "Feelings are dangerous and have to be put out fast.",
        "needs": "Other ways to bring relief, and proof that I can turn toward the quiet now.",
        "triggers": "Evenings alone, a hard day with the Critic, Sunday nights.",
        "notes": (
            "Polarized with the Critic. Since we became friends I usually get a five-minute "
            "warning before it takes over. It also holds the old Midnight Shopper notes: that "
            "turned out to be the same part."
        ),
        "color": "#5d5d8a",
        "trust_in_self": 6,
        "stage": "befriended",
        "archived": False,
        "stages": [
            [162, "noticed", "Phone until after one, again. No choosing in it."],
            [118, "getting_to_know", "Told me the fire it's putting out: the quiet evenings."],
            [44, "befriended", "Gave me five minutes, then tried a bath and a podcast instead."],
        ],
    },
    {
        "key": "snapper",
        "name": "The Snapper",
        "role": "firefighter",
        "job": (
            "Bites back hard and fast when I feel cornered or ignored, so nobody can walk all over "
            "me."
        ),
        "fears": "That if it doesn't bite I'll disappear, be walked over, and nobody will notice.",
        "age": "Around fourteen, arms crossed.",
        "body": "Heat rushing up my neck, fists, words out before I've thought them.",
        "appearance": "A spiky-haired teenager with a tongue made of flame.",
        "burdens": "Only anger gets you heard.",
        "needs": "To know I can say no clearly and early, long before snapping point.",
        "triggers": "Being talked over, being told I'm overreacting, my father going silent.",
        "notes": (
            "Polarized with the Pleaser. Fiercely guards Fourteen. Put its arms down (not "
            "uncrossed, just down) when I told it its job made sense."
        ),
        "color": "#c0392b",
        "trust_in_self": 4,
        "stage": "getting_to_know",
        "archived": False,
        "stages": [
            [101, "noticed", "Took over at lunch with my parents and said something cruel."],
            [68, "getting_to_know", "Its fear: that I'll disappear and be walked over."],
        ],
    },
    {
        "key": "shopper",
        "name": "Midnight Shopper",
        "role": "firefighter",
        "job": (
            "Filled the online basket late at night with things I didn't need, for a little jolt "
            "of something to look forward to."
        ),
        "fears": "The flat, empty feeling of evenings alone.",
        "age": "",
        "body": "A fizz of excitement in my hands, then nothing.",
        "appearance": "",
        "burdens": "",
        "needs": "",
        "triggers": "Sleepless nights, payday.",
        "notes": (
            "Archived: it turned out to be the Scroller in another coat. Same hour, same "
            "emptiness, and it stopped completely once the Scroller and I made friends. Keeping "
            "the page for the history."
        ),
        "color": "",
        "trust_in_self": None,
        "stage": "getting_to_know",
        "archived": True,
        "stages": [
            [145, "noticed", "Three order confirmations I barely remember."],
            [112, "getting_to_know", "Said it's for the flat feeling on evenings alone."],
        ],
    },
    {
        "key": "eight",
        "name": "Eight",
        "role": "exile",
        "job": (
            "No job really. She held the loneliness of those silent evenings so that the rest of "
            "me could keep going."
        ),
        "fears": (
            "Used to be: that she's too much and not enough at once, and that nobody will ever "
            "come."
        ),
        "age": "8",
        "body": (
            "Used to be an ache at the base of my throat and a hollow in my stomach. Now mostly "
            "warmth on my left side."
        ),
        "appearance": (
            "A kid in a yellow jumper. She used to be at the kitchen table doing homework very "
            "neatly; now she's usually drawing on the floor by the window seat."
        ),
        "burdens": (
            "Released at the river: the belief that she's invisible unless she's perfect, and the "
            "cold, heavy 'nobody's coming' feeling."
        ),
        "needs": "Someone who stays. Playing. Being noticed for nothing at all.",
        "triggers": "Silence after an argument, people leaving the room without saying why.",
        "notes": (
            "Retrieved from the kitchen to the window seat; she left her homework unfinished. "
            "Unburdened in therapy and took in playfulness instead. I still visit most mornings."
        ),
        "color": "#f2c14e",
        "trust_in_self": 9,
        "stage": "integrated",
        "archived": False,
        "stages": [
            [131, "noticed", "The Critic showed me a kitchen table and a kid doing homework."],
            [110, "getting_to_know", "Looked through the doorway with the protectors' "
                                     "permission. Her shoulders moved."],
            [88, "befriended", "She looked at me for the first time. 'It's really quiet here.'"],
            [70, "witnessed", "Showed me the silent evenings, all of them, until she was done."],
            [61, "retrieved", "Left the kitchen for the window seat. Left the homework "
                              "unfinished."],
            [31, "unburdened", "Gave the cold stones to the river. Took in playing."],
            [8, "integrated", "In the garden and at the river now, never at the table."],
        ],
    },
    {
        "key": "lonely",
        "name": "The New-School Kid",
        "role": "exile",
        "job": (
            "Holds the year we moved, when I ate lunch in the library so nobody would see I had no "
            "one to sit with."
        ),
        "fears": "Being the odd one out for ever.",
        "age": "11",
        "body": "Hot cheeks, a tight stomach, wanting to shrink into the corner.",
        "appearance": "A thin kid with a too-big school bag, reading in the library corner.",
        "burdens": "Nobody wants me around; I have to earn a seat at the table.",
        "needs": "To be chosen. To have someone save her a seat.",
        "triggers": (
            "Group chats I'm not in, walking into parties, canteen noise, the smell of old books."
        ),
        "notes": (
            "Witnessed in a peer session with Ines, with all the protectors' permission. She isn't "
            "ready to leave the library, and that's fine: I bring a second chair."
        ),
        "color": "#7fb3d5",
        "trust_in_self": 7,
        "stage": "witnessed",
        "archived": False,
        "stages": [
            [94, "noticed", "The Snapper pointed me to a school library at lunchtime."],
            [72, "getting_to_know", "Sat near her for ten minutes at lunch without asking "
                                    "anything."],
            [52, "befriended", "Let me sit with her. Wants someone to save her a seat."],
            [40, "witnessed", "Showed me that whole year, and let Ines know too."],
        ],
    },
    {
        "key": "teen",
        "name": "Fourteen",
        "role": "exile",
        "job": "Holds the shame of reading my poem aloud in class and the room laughing.",
        "fears": "Being looked at. Being laughed at for what's real.",
        "age": "14",
        "body": "Burning face, wanting the floor to swallow me.",
        "appearance": "A curtain of hair over her face, sleeves pulled down over her hands.",
        "burdens": "My real self is embarrassing and has to stay hidden.",
        "needs": (
            "Privacy first. Someone beside her rather than in front of her. Someone who thinks her "
            "poem is good."
        ),
        "triggers": (
            "Presenting at work, someone reading my writing, laughter when I can't see the joke."
        ),
        "notes": (
            "The Snapper guards her fiercely. She told me the poem, and let Ines hear it with the "
            "camera off. Not ready to be witnessed yet."
        ),
        "color": "#9b59b6",
        "trust_in_self": 5,
        "stage": "befriended",
        "archived": False,
        "stages": [
            [64, "noticed", "A teenager on the train read a poem aloud and my face burned."],
            [35, "getting_to_know", "Let me sit next to her, not facing her. 'It was a good "
                                    "poem.'"],
            [12, "befriended", "Told me the poem and let Ines hear it."],
        ],
    },
    {
        "key": "wordless",
        "name": "The Small Heavy One",
        "role": "exile",
        "job": "I don't know yet. Something very young, from before I had words.",
        "fears": "Maybe being left waiting. I'm guessing.",
        "age": "Very young, before words.",
        "body": "A heavy, warm weight low in my belly. Sometimes I want to curl up around it.",
        "appearance": "No picture yet, just weight and a sense of smallness.",
        "burdens": "",
        "needs": "Slowness. A hand on my belly, warmth, no questions.",
        "triggers": "Being ill, hospital smells, being kept waiting without being told why.",
        "notes": (
            "The Fog gathers whenever I get close. My therapist and I agreed the Fog sets the pace."
        ),
        "color": "#c9a27e",
        "trust_in_self": None,
        "stage": "getting_to_know",
        "archived": False,
        "stages": [
            [47, "noticed", "A heavy, warm weight low in the belly, after the setback week."],
            [19, "getting_to_know", "Sat with a hand on my belly. A faint sense of waiting."],
        ],
    },
    {
        "key": "fog",
        "name": "The Fog",
        "role": "unknown",
        "job": "Rolls in when a session gets close to something: thoughts blur and I get sleepy.",
        "fears": "It said, faintly, 'too much'. That's all I know so far.",
        "age": "No idea.",
        "body": "Heavy eyelids, cotton wool in my head, yawning until my eyes water.",
        "appearance": "A grey mist at the edge of the inner room. Thinner lately.",
        "burdens": "",
        "needs": "To be asked, not pushed through.",
        "triggers": (
            "Going toward the Small Heavy One. Sometimes just sitting down to start a session."
        ),
        "notes": (
            "Still not sure whether it's a protector or the feeling of something very young "
            "leaking through. When I thank it instead of fighting it, it thins."
        ),
        "color": "#a0a0a0",
        "trust_in_self": 3,
        "stage": "getting_to_know",
        "archived": False,
        "stages": [
            [155, "noticed", "Sat down to find the Critic and found fog instead."],
            [25, "getting_to_know", "Asked it what it fears. 'Too much.' It thinned when I "
                                    "thanked it."],
        ],
    },
]

RELATIONS: list[dict[str, str]] = [
    {
        "kind": "protects", "from": "critic", "to": "eight",
        "note": "Drives me to be flawless so nobody sees the kid who felt invisible.",
    },
    {
        "kind": "protects", "from": "watcher", "to": "eight",
        "note": "Learned to read the weather at the same kitchen table.",
    },
    {
        "kind": "protects", "from": "planner", "to": "eight",
        "note": "Plans every hour so the silent evenings can't creep back in.",
    },
    {
        "kind": "protects", "from": "pleaser", "to": "lonely",
        "note": "Makes me useful to everyone so I'm never left out again. Started that year.",
    },
    {
        "kind": "protects", "from": "scroller", "to": "lonely",
        "note": "Turns the lonely evenings down until I can't feel them.",
    },
    {
        "kind": "protects", "from": "snapper", "to": "teen",
        "note": "Bites anyone who might laugh at her.",
    },
    {
        "kind": "protects", "from": "fog", "to": "wordless",
        "note": "Maybe. It thickens whenever I go near the Small Heavy One. Still asking.",
    },
    {
        "kind": "protects", "from": "shopper", "to": "lonely",
        "note": "Something to look forward to on the empty evenings.",
    },
    {
        "kind": "polarized", "from": "critic", "to": "scroller",
        "note": (
            "The Critic pushes all day, the Scroller numbs me out at night, and the Critic wakes "
            "up furious. Round and round."
        ),
    },
    {
        "kind": "polarized", "from": "pleaser", "to": "snapper",
        "note": "The Pleaser swallows everything; the Snapper explodes when it's full.",
    },
    {
        "kind": "allied", "from": "critic", "to": "planner",
        "note": "Both believe being prepared and flawless keeps me safe.",
    },
    {
        "kind": "allied", "from": "watcher", "to": "pleaser",
        "note": "The Watcher spots the mood change; the Pleaser fixes it.",
    },
]

ENTRIES: list[dict[str, object]] = [
    {
        "days_ago": 170, "hour": 21, "kind": "note",
        "title": "Starting a parts journal",
        "body": (
            "Finished the first chapters of the IFS book tonight. The idea that I'm not one solid, "
            "faulty person but a crowd of parts with jobs, some of them very young, made me cry on "
            "the bus, which I'm choosing not to be embarrassed about.\n\n"
            "Plan: write here after sessions, do short check-ins, and be honest even when it's "
            "messy."
        ),
        "trailhead": "",
        "self_energy": None,
        "qualities": {},
        "parts": [],
    },
    {
        "days_ago": 168, "hour": 17, "kind": "therapy_session",
        "title": "First IFS session: 'which part of you is saying that?'",
        "body": (
            "My therapist has trained in IFS and asked whether I'd like to try it. I said yes "
            "before I'd really thought about it, which is probably a part too.\n\n"
            "She asked me to describe my week and kept gently asking *which part of you* thinks "
            "that. Every time I said \"I'm useless at my job\" she'd say \"so there's a part "
            "that's very worried about your job.\" It sounds like a word trick, but each time "
            "there was a tiny bit of space.\n\n"
            "At the end she asked me to find the voice in my body. Forehead and jaw. Tight, like a "
            "helmet.\n\n"
            "Honestly, I talked *from* the worried voice for most of the hour. She said that's "
            "completely normal at the start.\n\n"
            "Q: How do I tell the difference between me and a part when they both sound like me?"
        ),
        "trailhead": "The constant voice telling me I'm behind at work",
        "self_energy": 2,
        "qualities": {"calm": 2, "curiosity": 3},
        "parts": [["critic", "Loud all hour. Felt like a helmet around my forehead."]],
    },
    {
        "days_ago": 166, "hour": 8, "kind": "check_in",
        "title": "Helmet on before coffee",
        "body": (
            "Woke up already drafting replies to emails. The voice was there before coffee. "
            "Noticed it, named it, and still followed it straight to my laptop."
        ),
        "trailhead": "Inbox at 7:40",
        "self_energy": 2,
        "qualities": {"calm": 2},
        "parts": [["critic", "Running my morning before I was out of bed."]],
    },
    {
        "days_ago": 165, "hour": 20, "kind": "solo_session",
        "title": "Trying 'a part of me' out loud",
        "body": (
            "First solo attempt: twenty minutes on the floor with a cushion.\n\n"
            "I said out loud: *a part of me thinks I'm lazy.* Then: *I am lazy.* They feel "
            "completely different. The first one has a little room around it. The second one is a "
            "wall.\n\n"
            "I tried to ask the lazy-accusing part what it wanted. It just got louder. I'm fairly "
            "sure the one asking was another part that wanted it to shut up. Not very curious. I "
            "ended up tidying the kitchen.\n\n"
            "Still, I noticed it. It has a voice, a place in my body (forehead, jaw), and it "
            "starts its sentences with *you should have*. I'm calling it the Critic for now."
        ),
        "trailhead": "Called myself lazy for taking Saturday off",
        "self_energy": 2,
        "qualities": {"calm": 2, "curiosity": 3, "courage": 3},
        "parts": [["critic", "Noticed for the first time as a part rather than as the truth."]],
    },
    {
        "days_ago": 162, "hour": 7, "kind": "note",
        "title": "Last night's scrolling",
        "body": (
            "Phone until after one again; something in me goes soft and blank and there's no "
            "choosing in it. The book says firefighters are putting out fires, so I'd like to know "
            "what this fire is."
        ),
        "trailhead": "Couldn't put the phone down",
        "self_energy": None,
        "qualities": {},
        "parts": [["scroller", "Took over after a hard day; I didn't notice the handover."]],
    },
    {
        "days_ago": 158, "hour": 7, "kind": "check_in",
        "title": "Three lists for one Saturday",
        "body": (
            "Wrote three to-do lists for one free Saturday. There's a part that likes that a lot. "
            "It feels almost calm, but a tight kind of calm. The Planner, maybe?"
        ),
        "trailhead": "",
        "self_energy": 3,
        "qualities": {"calm": 3, "curiosity": 4},
        "parts": [["planner", "Making lists to get ahead of the weekend."]],
    },
    {
        "days_ago": 155, "hour": 21, "kind": "solo_session",
        "title": "Something grey in the way",
        "body": (
            "Tried to go back to the Critic. Sat down, closed my eyes, asked it to show itself.\n\n"
            "Instead of the Critic there was... fog. Heavy eyelids, cotton wool in my head, "
            "yawning so much my eyes watered. I couldn't hold a thought for more than a second.\n\n"
            "I fought it for a while (*come on, focus*), which I now think was the Critic again, "
            "and the fog only got thicker. Gave up after fifteen minutes.\n\n"
            "Writing it down as its own thing: **the Fog**. No idea whether it's a part. Putting a "
            "pin in it."
        ),
        "trailhead": "Sat down to do a session and got sleepy at once",
        "self_energy": 2,
        "qualities": {"curiosity": 3},
        "parts": [
            ["fog", "Rolled in the moment I closed my eyes."],
            ["critic", "Pushed me to focus through the fog, which made it thicker."],
        ],
    },
    {
        "days_ago": 150, "hour": 13, "kind": "check_in",
        "title": "I knew the weather before anyone spoke",
        "body": (
            "Team meeting: I knew who was irritated before anyone said a word. Realised I'd been "
            "scanning faces the whole hour and remember almost nothing of the agenda. There's a "
            "part that watches the weather."
        ),
        "trailhead": "Tense team meeting",
        "self_energy": 3,
        "qualities": {"curiosity": 4},
        "parts": [["watcher", "Scanned every face in the room for an hour."]],
    },
    {
        "days_ago": 147, "hour": 17, "kind": "therapy_session",
        "title": "The hardest F: how do I feel toward it?",
        "body": (
            "We went through the steps slowly this time. My therapist calls them the six F's:\n\n"
            "1. **Find** the part: the Critic, forehead and jaw.\n"
            "2. **Focus** on it.\n"
            "3. **Flesh it out**: a thin grey figure with a red pen.\n"
            "4. **Feel toward** it.\n"
            "5. **Befriend** it.\n"
            "6. Ask about its **fears**.\n\n"
            "We got stuck on number four for most of the session. How do I feel toward the Critic? "
            "*I hate it. I want it gone.* She asked if the part that hates it would be willing to "
            "step back a little, just so we could get to know the Critic. Not agree with it, just "
            "know it.\n\n"
            "It took three tries. The third time something softened, like a hand letting go of a "
            "rope, and I felt a flicker of... not compassion, but curiosity. Why a red pen?\n\n"
            "She said that was plenty for today, and that the part that hates the Critic is trying "
            "to protect me too. Of course it is. Parts protecting me from my parts."
        ),
        "trailhead": "The Critic after a mistake in a report",
        "self_energy": 3,
        "qualities": {"calm": 3, "curiosity": 4, "compassion": 1},
        "parts": [["critic", "Fleshed out: grey cardigan, red pen."]],
    },
    {
        "days_ago": 145, "hour": 9, "kind": "note",
        "title": "Order confirmations I don't remember",
        "body": (
            "Woke up to three order confirmations: a lamp, a jumper, and notebooks I definitely "
            "don't need. Something went looking for a little jolt of *something to look forward "
            "to*. Calling it the Midnight Shopper for now, and returning the lamp."
        ),
        "trailhead": "",
        "self_energy": None,
        "qualities": {},
        "parts": [["shopper", "Filled the basket while I was half asleep."]],
    },
    {
        "days_ago": 140, "hour": 20, "kind": "solo_session",
        "title": "Six F's with the Critic, on my own",
        "body": (
            "Did the steps alone for the first time, with my notes open on my lap.\n\n"
            "**Find and focus:** forehead band, jaw. Easy, it's always there.\n\n"
            "**Flesh out:** grey cardigan, red pen, standing just behind my right shoulder.\n\n"
            "**Feel toward:** irritation first. I asked the irritated part to give me some room "
            "and it did, a bit grudgingly. Then curious. Maybe four out of ten curious.\n\n"
            "**Befriend:** I asked what it does for me. It said, very fast: *someone has to stop "
            "you embarrassing yourself.*\n\n"
            "**Fears:** I asked what it's afraid would happen if it stopped. A long pause. Then: "
            "*they'll see you're not enough and they'll stop bothering with you.*\n\n"
            "I asked how old it thinks I am. Twelve, it said. I told it I'm thirty-eight. It "
            "didn't quite believe me, but it went quiet for the first time in days.\n\n"
            "Not friends yet. But I know something about it that I didn't know this morning."
        ),
        "trailhead": "Criticised myself for a typo in a birthday card",
        "self_energy": 4,
        "qualities": {"calm": 4, "curiosity": 5, "compassion": 3, "courage": 4},
        "parts": [["critic", "Told me its fear: that people will stop bothering with me."]],
    },
    {
        "days_ago": 136, "hour": 8, "kind": "check_in",
        "title": "Thanked it, sort of",
        "body": (
            "The Critic started up on the walk to work. I said *I know you're trying to help* in "
            "my head. It didn't stop, but it lowered its voice. Small win."
        ),
        "trailhead": "Walk to work",
        "self_energy": 4,
        "qualities": {"calm": 4, "compassion": 3},
        "parts": [["critic", "Lowered its voice when I acknowledged it."]],
    },
    {
        "days_ago": 131, "hour": 17, "kind": "therapy_session",
        "title": "A kitchen table I hadn't thought of in years",
        "body": (
            "Went back to the Critic. This time I asked it who it's protecting. It didn't answer "
            "in words. Instead I saw a kitchen table, our old one with the wipe-clean tablecloth, "
            "and a kid doing homework very, very neatly.\n\n"
            "The house in the picture is silent. Not a peaceful silence. The kind where something "
            "has happened and nobody says what.\n\n"
            "My therapist asked how I felt toward the kid. My throat closed. She asked whether "
            "that was me feeling *for* the kid or the kid's feeling *in* me. I honestly couldn't "
            "tell. She said it didn't matter yet, because we weren't going there today. We thanked "
            "the Critic for showing us and promised we'd only go toward the kid when the "
            "protectors were OK with it.\n\n"
            "The Critic seemed surprised to be thanked. So was I.\n\n"
            "I'm calling her Eight, because that's how old she felt."
        ),
        "trailhead": "Following the Critic back to what it protects",
        "self_energy": 4,
        "qualities": {"curiosity": 5, "compassion": 4, "courage": 4},
        "parts": [
            ["critic", "Showed me who it protects instead of telling me."],
            ["eight", "First glimpse: at the kitchen table, homework very neat."],
        ],
    },
    {
        "days_ago": 128, "hour": 19, "kind": "solo_session",
        "title": "Meeting the Planner properly",
        "body": (
            "The Planner came up when I tried to sit without an agenda. It wanted to know how long "
            "the session would be and what the plan was.\n\n"
            "I let it show me: a small serious kid with a clipboard and a list for everything, "
            "from what to say if my manager is annoyed to what to cook if someone drops by.\n\n"
            "I asked what it's afraid of. *Being caught off guard.* When I asked where it learned "
            "that, it pointed back at the kitchen: the evenings when the mood changed without "
            "warning.\n\n"
            "I thanked it and said I wasn't going to take its clipboard away. It relaxed a little "
            "at that. I think it expected me to fire it."
        ),
        "trailhead": "Couldn't sit without an agenda",
        "self_energy": 5,
        "qualities": {"calm": 5, "curiosity": 6, "compassion": 4},
        "parts": [
            ["planner", "Afraid of being caught off guard. Relaxed when I said it can keep its "
                        "clipboard."],
            ["eight", "In the background: where the Planner learned its job."],
        ],
    },
    {
        "days_ago": 125, "hour": 21, "kind": "note",
        "title": "Finding a peer partner",
        "body": (
            "Ines and I stayed on after the online IFS practice group tonight and talked about "
            "doing peer sessions between our therapy appointments. We're at a similar stage, both "
            "in IFS therapy, both a bit scared. We'll meet on video every week or two, take turns, "
            "and write our agreements together first."
        ),
        "trailhead": "",
        "self_energy": 5,
        "qualities": {"courage": 5, "connectedness": 6},
        "parts": [],
    },
    {
        "days_ago": 122, "hour": 19, "kind": "peer_session",
        "title": "First peer session: writing our agreements",
        "body": (
            "We spent the first half hour on our agreements. Saying them out loud made it feel "
            "safe enough to try.\n\n"
            "Ines explored first and I was her companion. I'm not writing her material here: "
            "that's hers, and it's in our agreements. What I can write is what happened in "
            "*me*.\n\n"
            "- The moment she got emotional, a part of me wanted to fix it: say something wise, "
            "*do* something. I kept my hands in my lap.\n"
            "- I caught myself scanning her face to see whether I was doing it right.\n"
            "- When I just asked *how do you feel toward that part?* and then waited, something "
            "good happened. Less really is more.\n\n"
            "The companion's job is to hold the space and stay in Self as much as possible. Mine "
            "wobbled, but it came back."
        ),
        "trailhead": "",
        "self_energy": 5,
        "qualities": {"calm": 4, "curiosity": 6, "compassion": 6, "connectedness": 5},
        "parts": [["watcher", "Scanned Ines's face to check whether I was doing it right."]],
        "my_role": "companion",
        "planned_minutes": 90,
        "agreements": (
            "- What's said here stays here. Neither of us writes down the other's material.\n"
            "- Equal footing: nobody is the expert, and we take turns.\n"
            "- Speak *for* parts, not *from* them.\n"
            "- Either of us can pause or stop at any time, no explanation needed.\n"
            "- No advice unless it's asked for.\n"
            "- Ask protectors' permission before going toward an exile.\n"
            "- Ten minutes of debrief at the end, both ways."
        ),
        "debrief": (
            "Ines said my pauses helped and she never felt rushed. I told her a fixer part had "
            "been itching the whole time. We agreed I'll explore next time. Both tired, both glad."
        ),
    },
    {
        "days_ago": 118, "hour": 21, "kind": "solo_session",
        "title": "The Scroller gets a chair",
        "body": (
            "After another late night on my phone I decided to ask the Scroller about itself "
            "instead of being angry at it.\n\n"
            "Found it easily: heavy arms, a warm blank feeling in my head. Fleshed it out: a "
            "teenager in a hoodie on the sofa, face lit blue.\n\n"
            "The Critic jumped straight in: *this is pathetic, just delete the apps.* I felt the "
            "pull. I asked the Critic if it would step back for ten minutes so I could hear the "
            "other side. It did, sort of, muttering.\n\n"
            "The Scroller told me: *when the evenings get too quiet it's unbearable, so I turn it "
            "down.* I asked what would happen if it didn't. *You'd feel how alone you are and you "
            "wouldn't be able to work tomorrow.*\n\n"
            "So that's the fire. Not the phone. The quiet.\n\n"
            "Now I can see the two of them: the Critic pushes all day, I'm wrung out by evening, "
            "the Scroller numbs me, and the Critic wakes up furious. Round and round."
        ),
        "trailhead": "Scrolled until nearly one and hated myself in the morning",
        "self_energy": 5,
        "qualities": {"calm": 4, "curiosity": 6, "compassion": 4, "clarity": 6},
        "parts": [
            ["scroller", "Told me the fire it's putting out: the quiet evenings."],
            ["critic", "Wanted to delete the apps. Stepped back for ten minutes."],
        ],
    },
    {
        "days_ago": 115, "hour": 19, "kind": "peer_session",
        "title": "My first turn as explorer",
        "body": (
            "I explored today and Ines companioned.\n\n"
            "The first thing that came up wasn't what I'd planned. Before I'd even closed my eyes "
            "a part was saying: *don't take too long, don't be boring, she's giving up her evening "
            "for you.* Bright, polite, desperate to be a good explorer.\n\n"
            "Ines asked, *can you sense where that is in your body?* High in my chest, fluttery. "
            "*How do you feel toward it?* A bit sad for it. It works so hard at being easy to be "
            "around.\n\n"
            "I'm calling it the Pleaser. It told me it keeps people from leaving by making sure "
            "I'm never a burden. I thanked it and told it Ines had chosen to be here; it didn't "
            "have to earn her time. It didn't believe me, but it sat down.\n\n"
            "We stayed with it for the rest of the session. No exile work: it didn't feel right to "
            "go further, and Ines didn't push. That matters to me."
        ),
        "trailhead": "Worried about taking up too much of Ines's time",
        "self_energy": 5,
        "qualities": {"curiosity": 5, "compassion": 6, "courage": 5, "connectedness": 6},
        "parts": [["pleaser", "First met: anxious to be a 'good' explorer and not a burden."]],
        "my_role": "explorer",
        "planned_minutes": 60,
        "agreements": (
            "Our seven agreements, read aloud at the start. Added one: I'll say 'pause' if I get "
            "flooded, and Ines will ask what I need rather than guess."
        ),
        "debrief": (
            "Ines said she could hear the Pleaser in the first minute: my voice went up. She spoke "
            "for a part of her that wanted to reassure me and had chosen not to, because that "
            "would have been advice. I said I felt met rather than managed. Twelve minutes over; "
            "we both said that was fine."
        ),
    },
    {
        "days_ago": 112, "hour": 8, "kind": "note",
        "title": "The Shopper and the Scroller",
        "body": (
            "Another parcel I don't remember ordering. Over breakfast the Shopper told me it's for "
            "the flat feeling of evenings alone: it likes having something on its way. Same hour "
            "and same emptiness as the Scroller; I wonder if they're one part in different clothes."
        ),
        "trailhead": "A parcel on the doormat",
        "self_energy": 4,
        "qualities": {"curiosity": 6},
        "parts": [
            ["shopper", "Said it's for the flat feeling of evenings alone."],
            ["scroller", "Same hour, same emptiness."],
        ],
    },
    {
        "days_ago": 110, "hour": 17, "kind": "therapy_session",
        "title": "Asking Eight's protectors for permission",
        "body": (
            "I wanted to go straight to the kitchen-table kid today. My therapist asked me to "
            "check first with whoever guards her.\n\n"
            "The Critic, the Planner and the watching part all stood in front of the kitchen door. "
            "She had me ask each one: *what are you afraid would happen if I went to her?*\n\n"
            "- The Critic: that I'd fall apart and not be able to work.\n"
            "- The Planner: that we'd open something we couldn't close.\n"
            "- The watching one: that the mood would turn, like it always did.\n\n"
            "The Critic agreed to let me *look through the doorway*. Not go in.\n\n"
            "So I looked. Eight was at the table with her pencil. She didn't look up. I said, *I "
            "see you there.* Her shoulders moved, just slightly.\n\n"
            "That was all. I cried in the car for ten minutes and then felt oddly light."
        ),
        "trailhead": "Wanting to rush to the kitchen-table kid",
        "self_energy": 5,
        "qualities": {"calm": 5, "curiosity": 5, "compassion": 6, "courage": 6},
        "parts": [
            ["critic", "Agreed to let me look through the doorway, no further."],
            ["planner", "Worried we'd open something we couldn't close."],
            ["watcher", "Afraid the mood would turn."],
            ["eight", "Didn't look up, but her shoulders moved."],
        ],
    },
    {
        "days_ago": 107, "hour": 7, "kind": "check_in",
        "title": "Tender this morning",
        "body": (
            "Soft and a bit raw after the last therapy session. The Planner wants to organise the "
            "feeling. I let it write one list and then closed the notebook."
        ),
        "trailhead": "",
        "self_energy": 5,
        "qualities": {"calm": 4, "compassion": 5},
        "parts": [["planner", "Allowed one list, then rest."]],
    },
    {
        "days_ago": 105, "hour": 20, "kind": "solo_session",
        "title": "The one at the top of the stairs",
        "body": (
            "Today I got to know the part that scans faces. It showed itself as a kid sitting at "
            "the top of the stairs, knees pulled up, listening to the voices below.\n\n"
            "Its job: notice the weather before it turns, so you can be quiet, or helpful, or "
            "disappear.\n\n"
            "I told it it was incredibly good at its job. It was, and still is: I can read a room "
            "in seconds. It seemed pleased and then immediately wary, as if compliments are a "
            "trick.\n\n"
            "I asked how old it is. About eight. I think it arrived with Eight, or at least at the "
            "same time.\n\n"
            "I'm calling it the Weather Watcher. I asked what it would like to do if it didn't "
            "have to watch. It didn't know. That felt sad, and honest."
        ),
        "trailhead": "Exhausted after a day of reading everyone's moods",
        "self_energy": 5,
        "qualities": {"calm": 5, "curiosity": 6, "compassion": 5, "clarity": 5},
        "parts": [
            ["watcher", "At the top of the stairs, listening. Arrived around the same time as "
                        "Eight."],
            ["eight", "Mentioned, not approached."],
        ],
    },
    {
        "days_ago": 103, "hour": 19, "kind": "peer_session",
        "title": "Companioning Ines: letting the fixer wait",
        "body": (
            "Ines explored. Again, her material stays with her.\n\n"
            "My side: I was much steadier than last time. When a part of me wanted to offer an "
            "interpretation, I noticed it as a part (I could almost see it lean forward) and asked "
            "it to wait. It did.\n\n"
            "When Ines's protectors said *not today*, we didn't go toward the exile, and I was "
            "surprised how relieved I felt. Seeing her protectors listened to helped something in "
            "me relax too.\n\n"
            "Something to remember: the most useful sentence I said all session was *take your "
            "time.*"
        ),
        "trailhead": "",
        "self_energy": 6,
        "qualities": {"calm": 6, "compassion": 6, "connectedness": 6},
        "parts": [
            ["pleaser", "Wanted to say something helpful; agreed to wait."],
            ["watcher", "Quieter; checked Ines's face less."],
        ],
        "my_role": "companion",
        "planned_minutes": 60,
        "agreements": (
            "Our seven agreements. Ines hoped to go toward an exile if her protectors agreed; I "
            "said I'd ask her protectors out loud with her before we did."
        ),
        "debrief": (
            "Ines said she felt I was with her rather than ahead of her. I mentioned the helper "
            "part; she laughed and said hers does the same when she companions. We agreed that "
            "respecting a 'not today' is a good session, not a failed one."
        ),
    },
    {
        "days_ago": 101, "hour": 21, "kind": "note",
        "title": "Lunch at my parents'",
        "body": (
            "Lunch at my parents' went badly: my father went silent halfway through, the way he "
            "always did, and I heard myself say something cruel about his silences across the "
            "table. Something hot and fast took over, a part that would rather bite than be "
            "ignored; I'll call it the Snapper. I'm not proud of what it said, and I can also see "
            "it was trying to get me heard."
        ),
        "trailhead": "My father going silent at the table",
        "self_energy": 2,
        "qualities": {"compassion": 2},
        "parts": [
            ["snapper", "Took over completely and said something cruel."],
            ["watcher", "Saw the silence coming and couldn't stop any of it."],
            ["eight", "I think the silence hit her first."],
        ],
    },
    {
        "days_ago": 99, "hour": 8, "kind": "check_in",
        "title": "Critic hangover",
        "body": (
            "The Critic has been replaying the lunch for two days: *you ruined it, you're the "
            "problem.* I said hello to it and told it I'll take care of the repair. It doesn't "
            "trust that yet."
        ),
        "trailhead": "Replaying the lunch",
        "self_energy": 3,
        "qualities": {"calm": 3, "compassion": 3},
        "parts": [
            ["critic", "Replaying the lunch on a loop."],
            ["snapper", "Quiet now. Ashamed, maybe?"],
        ],
    },
    {
        "days_ago": 94, "hour": 19, "kind": "peer_session",
        "title": "The library at lunchtime",
        "body": (
            "I brought the Snapper, because I wanted to understand what happened at lunch. But "
            "when I focused on it, it pointed somewhere else, fast.\n\n"
            "A school library at lunchtime. Eleven-year-old me reading in the corner with a "
            "too-big bag, because it was better than eating alone where people could see. It was "
            "the year we moved.\n\n"
            "I hadn't thought about that library in decades.\n\n"
            "Ines asked how I felt toward the kid. A part jumped in with *that was ages ago, it "
            "was nothing.* Ines didn't argue; she just asked whether that part would be willing to "
            "give me a little room. It did. Then I felt an ache of tenderness for her.\n\n"
            "We didn't go closer. I told the library kid I'd seen her and that I'd come back, and "
            "I checked with the protectors that this was all right. A shaky yes.\n\n"
            "I'm calling her the New-School Kid."
        ),
        "trailhead": "My outburst at the family lunch",
        "self_energy": 5,
        "qualities": {"curiosity": 5, "compassion": 6, "courage": 5, "connectedness": 6},
        "parts": [
            ["snapper", "Pointed me away from itself and toward the library."],
            ["lonely", "First seen: reading alone in the school library at lunchtime."],
        ],
        "my_role": "explorer",
        "planned_minutes": 90,
        "agreements": (
            "The seven. I said at the start that I was raw after the family lunch and might want "
            "to stop early. Ines said stopping early is always allowed."
        ),
        "debrief": (
            "Ines said my whole voice changed when I said 'library' and she felt protective of the "
            "kid. A part of hers wanted to tell me about her own school years; she set it aside "
            "and mentioned it afterwards, which felt like a gift rather than a hijack. I left "
            "tired and oddly comforted."
        ),
    },
    {
        "days_ago": 91, "hour": 21, "kind": "check_in",
        "title": "Two sentences to my father",
        "body": (
            "Wrote to my father, not a grovel and not a defence: *I'm sorry for how I spoke. I'd "
            "like us to be able to talk.* The Pleaser wanted three more paragraphs and the Snapper "
            "wanted none, so I sent the two sentences."
        ),
        "trailhead": "The apology I owed",
        "self_energy": 5,
        "qualities": {"calm": 5, "courage": 6, "clarity": 6},
        "parts": [
            ["pleaser", "Wanted three more paragraphs of apology."],
            ["snapper", "Wanted no apology at all."],
        ],
    },
    {
        "days_ago": 88, "hour": 20, "kind": "solo_session",
        "title": "Sitting across the table from Eight",
        "body": (
            "With the protectors' OK from the last therapy session, I went back to the kitchen "
            "doorway on my own. Checked in with the Critic first: it said I could go in if I "
            "didn't stay long. The Weather Watcher asked me to leave the door open. Fair.\n\n"
            "I sat down across the table from Eight. Didn't say anything for a while. She kept "
            "writing.\n\n"
            "Eventually I said: *that homework looks very neat.* Without looking up she said: *it "
            "has to be.* I asked why. *So nobody gets cross.*\n\n"
            "I told her I wasn't cross, just glad to be there. She looked at me for the first "
            "time, quick and suspicious, then back to the page.\n\n"
            "I asked if there was anything she wanted me to know today. She said: *it's really "
            "quiet here.*\n\n"
            "I told her I could feel that, and stayed a while longer in the quiet with her. When I "
            "left I promised to come back. I want to make sure I do."
        ),
        "trailhead": "",
        "self_energy": 6,
        "qualities": {"calm": 6, "compassion": 7, "courage": 6, "connectedness": 5},
        "parts": [
            ["eight", "Looked at me for the first time. 'It's really quiet here.'"],
            ["critic", "Let me in as long as I didn't stay long."],
            ["watcher", "Asked me to leave the door open."],
        ],
    },
    {
        "days_ago": 85, "hour": 12, "kind": "note",
        "title": "Questions for my next therapy session",
        "body": (
            "Q: Eight seems to want something from me but won't say what. Do I wait, or ask?\n\n"
            "Q: Is the Fog a part, or am I just tired?\n\n"
            "Q: How do I keep the Critic on side when we go deeper?\n\n"
            "Also: Eight has started putting her pencil down when I arrive."
        ),
        "trailhead": "",
        "self_energy": 6,
        "qualities": {"curiosity": 7},
        "parts": [
            ["eight", "Puts her pencil down when I arrive."],
            ["fog", "A question for therapy."],
        ],
    },
    {
        "days_ago": 82, "hour": 17, "kind": "therapy_session",
        "title": "The Critic says 'you've done all right'",
        "body": (
            "A big one. We spent the whole hour with the Critic, because my therapist said "
            "witnessing Eight will go better if the Critic really trusts me rather than just "
            "putting up with me. (That answered my third question from the other day. The other "
            "two can wait.)\n\n"
            "I told the Critic what I'd learned about it: the red pen, the fear that people will "
            "stop bothering with me. It listened. Then my therapist had me ask what it would need "
            "in order to step back while I'm with Eight.\n\n"
            "It said: *you have to promise you'll still go to work on Monday.* I laughed and "
            "promised. Then: *and you won't let her take over.* I said that's exactly what I'm "
            "learning, to stay with her without becoming her.\n\n"
            "I asked how old it thinks I am now. *Older.* I showed it my flat, my job, my friends, "
            "Ines. It was quiet for a long time and then said, *you've done all right.*\n\n"
            "The Critic has never said anything like that to me. I felt warmth spread in my chest, "
            "and I'm fairly sure that was Self, not a part."
        ),
        "trailhead": "Getting ready to witness Eight",
        "self_energy": 7,
        "qualities": {"calm": 6, "compassion": 7, "confidence": 5, "clarity": 6,
                      "connectedness": 6},
        "parts": [
            ["critic", "Agreed to step back while I'm with Eight. 'You've done all right.'"],
            ["eight", "Waiting in the background."],
        ],
    },
    {
        "days_ago": 80, "hour": 19, "kind": "peer_session",
        "title": "Ines's turn, and my Watcher on high alert",
        "body": (
            "Ines explored and I companioned. Her story stays out of here.\n\n"
            "Going toward an exile with someone else is different from going toward my own. My "
            "Weather Watcher was on high alert: every flicker on her face got scanned. At one "
            "point I noticed I was holding my breath.\n\n"
            "So I did a small unblending in the middle of her session. Feet on the floor, one "
            "breath, and an inward *I see you; you can watch from beside me instead of in front of "
            "me.* It moved over, and my attention came back to Ines.\n\n"
            "She used the pause signal once and we sat in silence for a minute. It was one of the "
            "most intimate minutes I've had with anyone this year."
        ),
        "trailhead": "",
        "self_energy": 6,
        "qualities": {"calm": 5, "compassion": 7, "courage": 6, "connectedness": 8},
        "parts": [["watcher", "On high alert; agreed to watch from beside me, not in front."]],
        "my_role": "companion",
        "planned_minutes": 90,
        "agreements": (
            "The seven, read aloud in turn. Ines is going toward an exile today with her "
            "protectors' permission. We agreed a hand signal for 'pause' in case words get hard."
        ),
        "debrief": (
            "Ines said the silence after the pause felt held. I told her about my Watcher; she "
            "said she hadn't noticed anything except that I was with her. Both of us shaky and "
            "close. A short check-in by text next morning, as agreed."
        ),
    },
    {
        "days_ago": 77, "hour": 7, "kind": "check_in",
        "title": "Slept eight hours",
        "body": (
            "No scrolling last night; I just went to bed when I was tired. Suspiciously easy, as "
            "if the Scroller were off duty."
        ),
        "trailhead": "",
        "self_energy": 6,
        "qualities": {"calm": 6, "curiosity": 5},
        "parts": [["scroller", "Off duty, apparently."]],
    },
    {
        "days_ago": 75, "hour": 20, "kind": "solo_session",
        "title": "A truce with the Planner",
        "body": (
            "The Planner was spinning about the weekend: a friend's birthday, then an open "
            "afternoon with no schedule. I could feel the pull to plan every hour.\n\n"
            "This time I turned toward it instead of obeying it. Clipboard kid. I asked what it's "
            "afraid would happen with an empty afternoon. *You'll be lost. You'll feel the "
            "quiet.*\n\n"
            "Ah. The same quiet as the kitchen.\n\n"
            "I asked if we could make a deal: it plans the *fun* bits, train times and a picnic, "
            "and leaves two hours blank. It thought about it and agreed, as long as it gets to "
            "pack snacks.\n\n"
            "I thanked it for all the years of clipboards. It seemed to stand a bit taller. "
            "Befriended, I think: it feels like we're on the same side now."
        ),
        "trailhead": "An unscheduled weekend afternoon",
        "self_energy": 7,
        "qualities": {"calm": 6, "curiosity": 7, "compassion": 6, "creativity": 6},
        "parts": [["planner", "Agreed to plan the fun bits and leave two hours blank."]],
    },
    {
        "days_ago": 72, "hour": 13, "kind": "check_in",
        "title": "The smell of old books",
        "body": (
            "The library at work smells like my old school one, and the New-School Kid was right "
            "there. I sat near her for ten minutes of my lunch break. Didn't ask her anything, "
            "just let her know I was nearby."
        ),
        "trailhead": "The smell of the office library",
        "self_energy": 6,
        "qualities": {"calm": 5, "compassion": 7},
        "parts": [["lonely", "Came up with the smell of old books; I stayed nearby."]],
    },
    {
        "days_ago": 70, "hour": 17, "kind": "therapy_session",
        "title": "Witnessing Eight",
        "body": (
            "## Before\n\n"
            "Checked in with every protector first. The Critic still agreed. The Planner wanted to "
            "know when we'd stop. The Weather Watcher asked to stay close by the door. Everyone "
            "said yes.\n\n"
            "## With Eight\n\n"
            "I went into the kitchen. Eight put her pencil down. I asked whether there was "
            "something she wanted me to know about what happened back then.\n\n"
            "She showed me. Not one evening but many: Mum tired and sharp, Dad silent behind a "
            "closed door. Nobody was cruel. Nobody noticed her either. She did her homework "
            "perfectly so that at least one thing in the house was all right.\n\n"
            "She showed me the moment she decided that if she was really good, really quiet, "
            "really neat, someone would notice her. And nobody did.\n\n"
            "My therapist kept asking: *has she shown you everything she wants you to know?* Not "
            "yet. Then more. Then, eventually, *yes*.\n\n"
            "I told her it made complete sense she felt that way, and that the quiet wasn't her "
            "fault.\n\n"
            "## After\n\n"
            "She leaned against me. I felt it as warmth on my left side, and enormous sadness, but "
            "it was *my* sadness for her, not hers flooding me. My therapist said that's the "
            "difference between being with a part and being blended with it."
        ),
        "trailhead": "",
        "self_energy": 7,
        "qualities": {"calm": 6, "compassion": 9, "courage": 7, "connectedness": 8},
        "parts": [
            ["eight", "Showed me the silent evenings; leaned against me once she'd been seen."],
            ["critic", "Kept its word and stayed back."],
            ["planner", "Needed to know when we'd stop."],
            ["watcher", "Stayed by the door."],
        ],
    },
    {
        "days_ago": 68, "hour": 19, "kind": "peer_session",
        "title": "Getting to know the Snapper",
        "body": (
            "Still tender from witnessing Eight, so today I wanted to stay with a protector. I "
            "chose the Snapper, whom I've been avoiding since the family lunch.\n\n"
            "Found it: heat in the neck, fists. Fleshed out: a spiky-haired fourteen-year-old with "
            "a tongue made of flame.\n\n"
            "A part of me was ashamed of it and wanted to tell it off. Ines asked whether that "
            "part could step back. It could, partly.\n\n"
            "I asked the Snapper what it does for me. *Somebody has to make them hear you.* What "
            "it fears: *that you'll disappear. That you'll be walked over and nobody will "
            "notice.*\n\n"
            "I said that made sense. In that house, being quiet never got anyone noticed. It put "
            "its arms down. Didn't uncross them, just put them down.\n\n"
            "Ines reflected back: *it sounds like it's been alone on the front line for a long "
            "time.* That landed."
        ),
        "trailhead": "Still thinking about the outburst at my parents'",
        "self_energy": 6,
        "qualities": {"curiosity": 6, "compassion": 6, "courage": 6, "clarity": 5},
        "parts": [
            ["snapper", "Its fear: that I'll disappear and be walked over."],
            ["pleaser", "Squirmed while the Snapper talked. Opposites."],
        ],
        "my_role": "explorer",
        "planned_minutes": 60,
        "agreements": (
            "The seven. I asked to stay with a protector only today, no exiles, because I'm still "
            "tender from witnessing Eight. Ines agreed straight away."
        ),
        "debrief": (
            "Ines said she saw my shoulders drop when I told the Snapper it made sense. I asked "
            "whether I could write down her one reflection and she said yes. I noticed the Pleaser "
            "checking whether she liked me less after meeting the Snapper; I said so out loud, and "
            "she said no, more."
        ),
    },
    {
        "days_ago": 64, "hour": 8, "kind": "note",
        "title": "A poem on the train",
        "body": (
            "On the train a teenager read a poem aloud for a school project, two boys behind her "
            "laughed, and my face burned as if it were me. Because it was: I read a poem in class "
            "at fourteen and the room laughed, and I'd completely forgotten. Not going there yet, "
            "just noting her: Fourteen."
        ),
        "trailhead": "Laughter on the train",
        "self_energy": 4,
        "qualities": {"compassion": 6},
        "parts": [
            ["teen", "Face burning on the train; the poem at fourteen."],
            ["snapper", "Wanted to turn round and say something to the boys."],
        ],
    },
    {
        "days_ago": 63, "hour": 21, "kind": "solo_session",
        "title": "She thinks I'm still eight",
        "body": (
            "Visited Eight. She was back at the table, but this time she looked up straight "
            "away.\n\n"
            "I asked how old she thinks I am. She looked puzzled. *Eight. Like me.*\n\n"
            "So I did what my therapist suggested and updated her. I showed her, slowly:\n\n"
            "- my flat, with the window seat and the plants;\n"
            "- my job, where people ask what I think;\n"
            "- Ines, my friends, and the fact that I can leave a room when it's too quiet;\n"
            "- that I'm thirty-eight, that I drive, that I can make pancakes at nine at night if I "
            "want to.\n\n"
            "She went very still. Then she asked: *so nobody's cross any more?*\n\n"
            "I said: some people are, sometimes. But I'm grown up now, and fixing it isn't your "
            "job.\n\n"
            "She asked if she could see the window seat. I said next time, if she wants, we could "
            "take her out of the kitchen. She nodded.\n\n"
            "Q: Is it all right to retrieve her on my own, or should I wait for therapy?"
        ),
        "trailhead": "",
        "self_energy": 7,
        "qualities": {"calm": 7, "compassion": 8, "clarity": 7, "creativity": 6},
        "parts": [["eight", "Thought I was still eight. Asked to see the window seat."]],
    },
    {
        "days_ago": 61, "hour": 17, "kind": "therapy_session",
        "title": "Out of the kitchen",
        "body": (
            "I brought the question from my last solo session. My therapist said either is fine, "
            "but since we were both here, why not now.\n\n"
            "I asked Eight where she'd like to go. The window seat, she said, but first she wanted "
            "to put on her yellow jumper and leave the homework behind. She left it *unfinished*. "
            "That felt huge.\n\n"
            "We walked out of the kitchen together and she didn't look back. I showed her the "
            "window seat and she curled up in it with her knees up, looking at the plants.\n\n"
            "My therapist asked whether Eight was still carrying anything from the kitchen. "
            "Something cold and heavy in her chest, she said: the *nobody's coming* feeling. We'll "
            "come back to that, not today. Today she gets the window seat.\n\n"
            "The Weather Watcher came along too and sat on the floor by the seat. That made me "
            "laugh out loud."
        ),
        "trailhead": "",
        "self_energy": 8,
        "qualities": {"calm": 7, "compassion": 8, "courage": 7, "creativity": 6,
                      "connectedness": 8},
        "parts": [
            ["eight", "Retrieved to the window seat. Left the homework unfinished."],
            ["watcher", "Followed her and sat on the floor by the window seat."],
        ],
    },
    {
        "days_ago": 58, "hour": 8, "kind": "check_in",
        "title": "The Watcher took a day off",
        "body": (
            "Noticed in stand-up that I wasn't scanning faces. Asked inside where the Watcher was: "
            "by the window seat with Eight. I thanked it. It feels like we're on the same side "
            "now, rather than it running me."
        ),
        "trailhead": "",
        "self_energy": 7,
        "qualities": {"calm": 7, "connectedness": 6},
        "parts": [["watcher", "Spent the day by the window seat instead of scanning faces."]],
    },
    {
        "days_ago": 54, "hour": 19, "kind": "peer_session",
        "title": "Letting the silence be",
        "body": (
            "Ines explored; I companioned. Her session was a quieter one, and I'll leave it "
            "there.\n\n"
            "I'm getting better at this. The Weather Watcher stayed beside me. The fixer part only "
            "leaned in once.\n\n"
            "The Pleaser was the loud one today. It wanted Ines to have a *good* session, as if "
            "that were my job. When she got stuck for a while I felt a strong pull to rescue her "
            "with a question. I let the silence be, and she found her own way through, which was "
            "far better than anything I'd have said.\n\n"
            "Note to self: companioning isn't about producing a good session. It's about being "
            "there."
        ),
        "trailhead": "",
        "self_energy": 7,
        "qualities": {"calm": 7, "compassion": 7, "confidence": 6, "connectedness": 7},
        "parts": [["pleaser", "Wanted Ines to have a 'good' session; I let the silence be."]],
        "my_role": "companion",
        "planned_minutes": 60,
        "agreements": (
            "The seven. Ines wanted to stay with a manager today. We agreed to finish ten minutes "
            "early because she'd had a long day."
        ),
        "debrief": (
            "Ines said the stuck part was important and she was glad I didn't jump in. I told her "
            "about the Pleaser and she thanked me for naming it. We finished on time and both went "
            "to make tea."
        ),
    },
    {
        "days_ago": 52, "hour": 20, "kind": "solo_session",
        "title": "Lunch with the New-School Kid",
        "body": (
            "Went to the library corner. The New-School Kid was reading, bag at her feet, "
            "pretending not to care.\n\n"
            "I asked if I could sit with her. She shrugged. I sat. We ate imaginary sandwiches, "
            "which sounds silly written down, but she relaxed once she saw I wasn't going "
            "anywhere.\n\n"
            "I asked what she wants most. *For someone to save me a seat.*\n\n"
            "I told her I'd save her one.\n\n"
            "The Pleaser hovered nearby. That's the part that decided, that year, to make itself "
            "useful so nobody would leave it out again. I thanked it too. It's been working since "
            "it was eleven."
        ),
        "trailhead": "Left out of a group chat",
        "self_energy": 7,
        "qualities": {"calm": 6, "curiosity": 6, "compassion": 8, "connectedness": 7},
        "parts": [
            ["lonely", "Let me sit with her. Wants someone to save her a seat."],
            ["pleaser", "Hovered nearby; it started its job that same year."],
        ],
    },
    {
        "days_ago": 50, "hour": 21, "kind": "note",
        "title": "Deadline week",
        "body": (
            "Rough week: the deadline moved up, the Critic at full volume, three nights of "
            "scrolling in a row, and I haven't visited Eight for five days. I feel like I've "
            "undone everything. (That's the Critic talking, but it's so loud right now that I "
            "can't separate from it.)"
        ),
        "trailhead": "Project deadline moved up a week",
        "self_energy": 3,
        "qualities": {"calm": 2},
        "parts": [
            ["critic", "Full volume all week; I was blended with it most of the time."],
            ["scroller", "Three late nights in a row."],
            ["eight", "Haven't visited her in five days."],
        ],
    },
    {
        "days_ago": 49, "hour": 7, "kind": "check_in",
        "title": "Barely a C in sight",
        "body": (
            "Self-energy low: calm 2, curiosity 1, rated honestly. The Critic says even this "
            "check-in is a failure.\n\n"
            "Q: What do I do when I'm so blended I can't even find the part to unblend from?"
        ),
        "trailhead": "",
        "self_energy": 2,
        "qualities": {"calm": 2, "curiosity": 1, "compassion": 2},
        "parts": [["critic", "Says even this check-in is a failure."]],
    },
    {
        "days_ago": 47, "hour": 17, "kind": "therapy_session",
        "title": "Setback, and something small and heavy",
        "body": (
            "I came in saying I'd undone all the work. My therapist asked which part was saying "
            "that. Oh.\n\n"
            "We did something very simple with the question from my check-in: she asked me to "
            "notice the Critic, and then to notice *who* was noticing. That tiny step back was "
            "enough for a sliver of space. Then she had me ask the Critic what it had been afraid "
            "of this week. *That the deadline is when they find you out.* The same old fear in a "
            "new coat.\n\n"
            "I told it I'd handled the deadline, on time, and hadn't been found out. It eased. The "
            "Scroller, she suggested, had been giving me rest when nothing else was on offer. I "
            "thanked it, which felt strange and right.\n\n"
            "Then, in the quiet, I noticed something new: a heavy, warm weight low in my belly. "
            "Very young. No picture, no words. When I turned toward it, the Fog rolled in straight "
            "away, thick.\n\n"
            "My therapist said: don't push through the Fog. Thank it, and let the small heavy "
            "thing know we know it's there. So I did. We'll go very slowly with this one."
        ),
        "trailhead": "Feeling I'd undone months of work",
        "self_energy": 4,
        "qualities": {"calm": 4, "curiosity": 5, "compassion": 5, "clarity": 5},
        "parts": [
            ["critic", "Afraid the deadline was when I'd be 'found out'."],
            ["scroller", "Thanked for giving me rest when nothing else could."],
            ["wordless", "First felt: a heavy, warm weight low in my belly."],
            ["fog", "Rolled in as soon as I turned toward the weight."],
        ],
    },
    {
        "days_ago": 44, "hour": 21, "kind": "solo_session",
        "title": "Five minutes first, Scroller",
        "body": (
            "Evening alone, phone in hand, thumb already moving. But this time I caught it at the "
            "start: heavy arms, the blankness coming in.\n\n"
            "I put the phone face down and asked the Scroller to talk to me for five minutes "
            "first. It agreed to five minutes.\n\n"
            "I told it I know it's turning the quiet down, and that the quiet used to be "
            "unbearable. But the kids who live in that quiet, Eight and the New-School Kid, are "
            "doing better now.\n\n"
            "I asked whether it would be willing to try something else with me tonight, just once: "
            "a bath and a podcast, a friendly voice in the room. It was sceptical. *And if it's "
            "too much, I get the phone.* Deal.\n\n"
            "It wasn't too much. I was in bed by eleven.\n\n"
            "The Critic wanted to turn this into a new rule. I told it no rules. This is a "
            "friendship, not a regime."
        ),
        "trailhead": "Thumb already scrolling at nine",
        "self_energy": 7,
        "qualities": {"calm": 6, "compassion": 7, "confidence": 6, "creativity": 6},
        "parts": [
            ["scroller", "Gave me five minutes, then agreed to try something else."],
            ["critic", "Wanted to make it a rule. I said no."],
        ],
    },
    {
        "days_ago": 42, "hour": 8, "kind": "check_in",
        "title": "Two good evenings",
        "body": (
            "Two evenings in a row with the phone in the other room. Not a streak to protect "
            "(noted, Critic), just two nice evenings. Eight liked the podcast voices."
        ),
        "trailhead": "",
        "self_energy": 7,
        "qualities": {"calm": 7, "compassion": 6},
        "parts": [
            ["scroller", "Relaxed. Had a night off."],
            ["eight", "Liked the podcast voices."],
        ],
    },
    {
        "days_ago": 40, "hour": 19, "kind": "peer_session",
        "title": "Witnessed twice: the New-School Kid",
        "body": (
            "Before anything else, Ines asked me to check with the protectors out loud.\n\n"
            "- The Pleaser was worried my story would bore Ines. I told it Ines had chosen to be "
            "here. It grudgingly stepped aside.\n"
            "- The Scroller: *OK, but not too long.*\n"
            "- The Snapper said nothing. Ines asked me to check, and it nodded.\n\n"
            "Then the library. The New-School Kid showed me that year: the first day, the teacher "
            "mispronouncing my name, the table that went quiet when I sat down, the decision to "
            "eat in the library so nobody could see I had nobody. Not telling anyone at home, "
            "because everyone there had enough on their plate.\n\n"
            "Ines asked, *is there more she wants you to know?* There was: the party she wasn't "
            "invited to, and how she pretended she was glad to stay home.\n\n"
            "I told her I saw all of it, and that none of it meant she was unlikeable. She was "
            "new, and alone, and eleven.\n\n"
            "She asked whether Ines could know too. I said yes, if she wanted. So she was "
            "witnessed twice today.\n\n"
            "She isn't ready to leave the library. She likes it there, it turns out. I'll visit "
            "her there."
        ),
        "trailhead": "Left out of a group chat, again",
        "self_energy": 7,
        "qualities": {"calm": 6, "compassion": 8, "courage": 7, "connectedness": 9},
        "parts": [
            ["lonely", "Witnessed: the first day, the quiet table, the party she missed."],
            ["pleaser", "Worried I'd bore Ines; stepped aside."],
            ["scroller", "Agreed, as long as it wasn't too long."],
            ["snapper", "Gave a silent nod."],
        ],
        "my_role": "explorer",
        "planned_minutes": 90,
        "agreements": (
            "The seven, read aloud. I said I'd like to go toward the New-School Kid if my "
            "protectors agreed; Ines said she'd ask them with me and we'd stop if anyone said no."
        ),
        "debrief": (
            "Ines said she felt honoured to be let in, and that a part of her had its own "
            "school-lunch memory, which she kept for later as agreed. I said it's the first time "
            "anyone but my therapist has known about the library. We ran fifteen minutes over, "
            "which we'd both said beforehand was OK, and planned a short check-in by text tomorrow."
        ),
    },
    {
        "days_ago": 35, "hour": 20, "kind": "solo_session",
        "title": "Sitting next to Fourteen, not facing her",
        "body": (
            "Tried to visit the part from the classroom, the poem. As soon as I turned toward her, "
            "the Snapper was in front of her with its fists up.\n\n"
            "I asked the Snapper what it was afraid of. *That you'll look at her. That everyone "
            "will look at her.* So I asked whether I could sit *next to* her, facing the same way, "
            "not looking at her. The Snapper thought about it and moved to one side.\n\n"
            "I sat beside Fourteen. Curtain of hair, sleeves over her hands. Neither of us said "
            "anything.\n\n"
            "After a while she said, very quietly: *it was a good poem.*\n\n"
            "I said I believed her. She didn't answer, but she didn't leave either."
        ),
        "trailhead": "Asked to present at work next month",
        "self_energy": 6,
        "qualities": {"calm": 6, "compassion": 7, "courage": 6, "creativity": 5},
        "parts": [
            ["teen", "Let me sit beside her. 'It was a good poem.'"],
            ["snapper", "Guarded her fiercely, then moved aside."],
        ],
    },
    {
        "days_ago": 31, "hour": 17, "kind": "therapy_session",
        "title": "Unburdening at the river",
        "body": (
            "My therapist asked whether Eight was ready to let go of what she took on in the "
            "kitchen. We checked with her and with the protectors. All yes. The Critic said *go "
            "on, then*, which I'm taking as a blessing.\n\n"
            "I asked Eight what she was carrying and where. Cold and heavy, in her chest: "
            "*nobody's coming. I have to be perfect to be noticed.*\n\n"
            "I asked where she'd like to put it. She wanted a river with smooth stones, like one "
            "from a childhood holiday. She took it out of her chest like a wet grey stone and "
            "dropped it in. Then another, then a whole armful. The river carried them off.\n\n"
            "My therapist asked what she'd like to take in instead. *Playing*, she said. And "
            "*being noticed for nothing.* Warmth came in like sunlight on the back of my neck.\n\n"
            "Afterwards she ran along the bank. She has never run before, in any image I've had of "
            "her.\n\n"
            "At the end the Critic said it didn't know what its job was now. My therapist said "
            "protectors often need a while to find a new role; we'll ask it next time."
        ),
        "trailhead": "",
        "self_energy": 8,
        "qualities": {"calm": 8, "compassion": 9, "courage": 8, "clarity": 7, "creativity": 7,
                      "connectedness": 8},
        "parts": [
            ["eight", "Gave the cold stones to the river. Took in playing and being noticed for "
                      "nothing."],
            ["critic", "Gave its blessing, then wondered what its job is now."],
        ],
    },
    {
        "days_ago": 26, "hour": 19, "kind": "peer_session",
        "title": "Pausing as a companion",
        "body": (
            "Ines explored and I companioned. As always, her session stays hers.\n\n"
            "About me: halfway through I noticed the Pleaser was running the show. I was nodding "
            "too much, smiling too much, saying *mm* far too often. I was performing *good "
            "companion*.\n\n"
            "I asked for a thirty-second pause, as our agreements allow, and told Ines honestly "
            "that a part of me had taken over. She said take your time. I breathed, found the "
            "Pleaser (fluttery, high in my chest) and asked it to sit beside me. It did.\n\n"
            "Afterwards I stayed with the Pleaser for a while on my own. I asked what it's afraid "
            "would happen if it stopped. *They'll go cold. They'll leave, like at the new school.* "
            "It's the New-School Kid's bodyguard. Of course it is.\n\n"
            "I told it Ines stayed when I paused. That seemed to reach it."
        ),
        "trailhead": "Nodding too much",
        "self_energy": 6,
        "qualities": {"calm": 6, "compassion": 7, "courage": 6, "clarity": 7, "connectedness": 7},
        "parts": [
            ["pleaser", "Took over as 'good companion'; I paused and asked it to sit beside me."],
            ["lonely", "The one the Pleaser is guarding."],
        ],
        "my_role": "companion",
        "planned_minutes": 60,
        "agreements": (
            "The seven. Ines planned to stay with a protector. We agreed I'd say so if my own "
            "parts got too loud for me to companion well."
        ),
        "debrief": (
            "Ines said my pause was one of the most useful things I've done as a companion, "
            "because it showed her it's allowed. I started to apologise and she asked me not to: "
            "'either of us can pause' covers the companion too. We closed with two minutes on how "
            "we both were."
        ),
    },
    {
        "days_ago": 25, "hour": 21, "kind": "solo_session",
        "title": "Asking the Fog what it wants",
        "body": (
            "The Fog has been coming more often since the Small Heavy One showed up. Tonight I "
            "made it the focus.\n\n"
            "Grey mist. Heavy eyelids. I asked: *are you a part?* The mist shifted: not a yes, not "
            "a no. I asked what it was afraid would happen if it let me through. Nothing for a "
            "long time. Then, faintly: *too much.*\n\n"
            "I thanked it. I said I'm not going to push through, that when we go toward the small "
            "heavy one we'll go slowly, and that it can stop us.\n\n"
            "It thinned a little. Not gone, but I could see the edges of the room again.\n\n"
            "I still don't know whether it's a protector or the feeling of something very young "
            "leaking through. I'll keep it as \"not sure yet\" and keep asking."
        ),
        "trailhead": "Got sleepy the moment I sat down, again",
        "self_energy": 6,
        "qualities": {"calm": 6, "curiosity": 7, "compassion": 6},
        "parts": [
            ["fog", "Said, faintly, 'too much'. Thinned when I thanked it."],
            ["wordless", "Nearby, behind the mist."],
        ],
    },
    {
        "days_ago": 22, "hour": 8, "kind": "check_in",
        "title": "Drawing by the window",
        "body": (
            "Quick visit to Eight before work. She's drawing on the floor by the window seat and "
            "didn't look up, which for once is because she's absorbed, not scared."
        ),
        "trailhead": "",
        "self_energy": 8,
        "qualities": {"calm": 8, "compassion": 7, "connectedness": 7},
        "parts": [["eight", "Drawing; absorbed, not scared."]],
    },
    {
        "days_ago": 19, "hour": 21, "kind": "solo_session",
        "title": "A hand on my belly",
        "body": (
            "I stayed with the Small Heavy One tonight, very slowly, as agreed with the Fog.\n\n"
            "No questions at all. I just put a hand on my belly where the weight is, breathed, and "
            "let it know I'm here. Warmth. A little rocking.\n\n"
            "After about ten minutes there was a faint sense of being left waiting: a long time, "
            "alone, very small. No memory, no picture. Just waiting.\n\n"
            "The Fog hovered but stayed thin. I thanked it.\n\n"
            "I don't need to know the story to be with it. That feels new."
        ),
        "trailhead": "",
        "self_energy": 7,
        "qualities": {"calm": 7, "curiosity": 5, "compassion": 8, "connectedness": 6},
        "parts": [
            ["wordless", "A faint sense of being left waiting. No story, just company."],
            ["fog", "Stayed thin and let me be there."],
        ],
    },
    {
        "days_ago": 15, "hour": 10, "kind": "note",
        "title": "Tidying the parts map",
        "body": (
            "Archived the Midnight Shopper today. After months of watching, it's clearly the "
            "Scroller in another coat: same hour, same empty feeling, and it stopped entirely once "
            "the Scroller and I became friends. Added a line to the Critic's page too: *on "
            "sabbatical, reviewing its job description.*"
        ),
        "trailhead": "",
        "self_energy": 7,
        "qualities": {"clarity": 8, "calm": 7},
        "parts": [
            ["shopper", "Archived: it was the Scroller all along."],
            ["scroller", "Now holds the Shopper's notes."],
            ["critic", "On sabbatical, reviewing its job description."],
        ],
    },
    {
        "days_ago": 12, "hour": 19, "kind": "peer_session",
        "title": "Fourteen lets someone else hear the poem",
        "body": (
            "This one I'll remember.\n\n"
            "Ines turned her camera off at the start so Fourteen wouldn't feel watched. I checked "
            "with the Snapper, who agreed as long as it could stand beside us. Then I sat next to "
            "Fourteen, like before.\n\n"
            "I asked whether she'd like to tell me the poem. She did, in pieces. It's about the "
            "sea and about wanting to be somewhere else. It *is* a good poem.\n\n"
            "Then, to my surprise, she asked whether the person on the other side of the screen "
            "could hear it too. I told Ines. Ines said quietly that she'd be honoured. So I said "
            "the poem out loud, slowly, with my eyes closed.\n\n"
            "Ines didn't laugh. Nobody laughed. She said: *thank you for letting me hear it.*\n\n"
            "Fourteen pushed her hair back from her face. Just a little. The Snapper put its hands "
            "in its pockets."
        ),
        "trailhead": "Presentation coming up at work",
        "self_energy": 8,
        "qualities": {"calm": 7, "compassion": 8, "confidence": 6, "courage": 8,
                      "connectedness": 9},
        "parts": [
            ["teen", "Told me the poem, let Ines hear it, pushed her hair back."],
            ["snapper", "Stood beside us with its hands in its pockets."],
        ],
        "my_role": "explorer",
        "planned_minutes": 90,
        "agreements": (
            "The seven. I asked that we go slowly with Fourteen and that Ines keep her camera off "
            "for the first part, because Fourteen hates being looked at. Ines had offered that "
            "herself before I could ask."
        ),
        "debrief": (
            "Ines said hearing the poem felt like being trusted with something precious, and that "
            "the camera-off idea came from a part of hers that remembers being stared at. I said "
            "Fourteen isn't ready to be witnessed yet; today was about friendship. Next time Ines "
            "explores, and we'll both re-read our agreements in case anything needs updating after "
            "three months."
        ),
    },
    {
        "days_ago": 10, "hour": 7, "kind": "check_in",
        "title": "Presentation prep, calmer than expected",
        "body": (
            "Presentation next week. The Critic offered to help with the slides rather than with "
            "my character, which is a genuinely new job. Fourteen is OK as long as nobody reads my "
            "notes over my shoulder."
        ),
        "trailhead": "Presentation next week",
        "self_energy": 7,
        "qualities": {"calm": 6, "confidence": 7, "clarity": 7},
        "parts": [
            ["critic", "Offered to help with the slides, not my character."],
            ["teen", "OK as long as nobody reads over my shoulder."],
        ],
    },
    {
        "days_ago": 8, "hour": 17, "kind": "therapy_session",
        "title": "Four weeks after the river",
        "body": (
            "We checked in on Eight. She's never at the kitchen table any more: she's in the "
            "garden, at the window seat, or running along the river. When I asked whether the cold "
            "heavy feeling had come back, she looked at me as if I'd asked something silly.\n\n"
            "My therapist asked where I notice her in daily life now. Honestly, in small things. I "
            "laughed at work at something genuinely funny without checking first whether it was OK "
            "to. Last week I left a task unfinished and just went home.\n\n"
            "We also asked the Critic about its new role. It would like to be an editor, not a "
            "judge. It wants to keep the red pen, but only for documents. I'm fine with that.\n\n"
            "I told my therapist I'd like to start, slowly, with the Small Heavy One. She agreed, "
            "and suggested the Fog sets the pace.\n\n"
            "Q: How will I know when Fourteen is ready to be witnessed, and should that happen "
            "here or with Ines?"
        ),
        "trailhead": "",
        "self_energy": 8,
        "qualities": {"calm": 8, "compassion": 8, "confidence": 7, "clarity": 8, "creativity": 7,
                      "connectedness": 8},
        "parts": [
            ["eight", "In the garden and at the river now; I notice her when I laugh at work."],
            ["critic", "New role: an editor, not a judge."],
            ["wordless", "Next, slowly."],
            ["fog", "Sets the pace."],
        ],
    },
    {
        "days_ago": 3, "hour": 20, "kind": "solo_session",
        "title": "A quiet evening, on purpose",
        "body": (
            "An evening alone with nothing planned, the very thing the Planner and the Scroller "
            "used to fight over, and I chose it.\n\n"
            "I sat on the window seat with tea and checked in with everyone, like going round a "
            "table:\n\n"
            "- **Eight** is drawing.\n"
            "- **The New-School Kid** is still in her library corner, but she's let me bring a "
            "second chair.\n"
            "- **Fourteen** let me read her a poem by someone else, out loud.\n"
            "- **The Critic** is editing a work document and nothing else.\n"
            "- **The Planner** planned the tea.\n"
            "- **The Scroller** is lying on the floor with me; the phone is in the other room.\n"
            "- **The Fog** is a thin mist by the door, and **the Small Heavy One** is warm and "
            "quiet.\n\n"
            "Then I just sat. The quiet that used to be unbearable is just quiet now. There's "
            "space in it, and something that feels like me.\n\n"
            "Five months ago I couldn't tell myself apart from the Critic. Tonight I could feel "
            "all of them and still be here. Not perfectly: the Pleaser is already fretting about a "
            "birthday present. But here."
        ),
        "trailhead": "An empty evening",
        "self_energy": 8,
        "qualities": {"calm": 9, "curiosity": 7, "compassion": 8, "clarity": 7, "creativity": 6,
                      "connectedness": 8},
        "parts": [
            ["eight", "Drawing."],
            ["lonely", "Let me bring a second chair to the library."],
            ["teen", "Let me read her someone else's poem."],
            ["critic", "Editing a document, nothing else."],
            ["planner", "Planned the tea."],
            ["scroller", "Lying on the floor with me, phone in the other room."],
            ["pleaser", "Already fretting about a birthday present."],
            ["fog", "A thin mist by the door."],
            ["wordless", "Warm and quiet."],
        ],
    },
    {
        "days_ago": 1, "hour": 8, "kind": "check_in",
        "title": "Helmet off before coffee",
        "body": (
            "Woke up and didn't reach for the inbox. The Critic said good morning (I swear that's "
            "what it felt like). Self-energy about a 7 before coffee."
        ),
        "trailhead": "",
        "self_energy": 7,
        "qualities": {"calm": 7, "confidence": 6, "connectedness": 6},
        "parts": [["critic", "Said good morning instead of 'you should have'."]],
    },
]
