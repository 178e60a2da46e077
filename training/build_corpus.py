"""Build EventWire's synthetic training corpus for the PLOVER second-opinion classifier.

Deterministic: hand-written sentence frames (below) are filled with slot values of our
own under a fixed seed and written to ``training/corpus.jsonl``. Every frame marks its
event word with ``[brackets]``; words of a second, coordinated event are marked with
``*stars*`` so the trainer never uses them as "no event" examples. Whole frames, never
single sentences, are held out for validation (``"split": "val"``), so the held-out
score measures generalisation to phrasing the model has not seen.

Usage: python training/build_corpus.py [--out training/corpus.jsonl] [--per-frame 16]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter
from pathlib import Path

SEED = 20240611
HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------
# Slot fillers (ours). Countries carry a demonym and a few cities of their own.
# ---------------------------------------------------------------------------------------
COUNTRIES = [
    ("Kenya", "Kenyan", ["Nairobi", "Mombasa", "Kisumu"]),
    ("Ethiopia", "Ethiopian", ["Addis Ababa", "Mekelle", "Gondar"]),
    ("Nigeria", "Nigerian", ["Abuja", "Lagos", "Kano"]),
    ("Sudan", "Sudanese", ["Khartoum", "Omdurman", "Port Sudan"]),
    ("Mali", "Malian", ["Bamako", "Gao", "Timbuktu"]),
    ("Somalia", "Somali", ["Mogadishu", "Kismayo", "Baidoa"]),
    ("Egypt", "Egyptian", ["Cairo", "Alexandria", "Aswan"]),
    ("Libya", "Libyan", ["Tripoli", "Benghazi", "Misrata"]),
    ("Colombia", "Colombian", ["Bogota", "Medellin", "Cali"]),
    ("Venezuela", "Venezuelan", ["Caracas", "Maracaibo", "Valencia"]),
    ("Brazil", "Brazilian", ["Brasilia", "Sao Paulo", "Recife"]),
    ("Peru", "Peruvian", ["Lima", "Cusco", "Arequipa"]),
    ("Mexico", "Mexican", ["Mexico City", "Monterrey", "Culiacan"]),
    ("Chile", "Chilean", ["Santiago", "Valparaiso", "Antofagasta"]),
    ("France", "French", ["Paris", "Marseille", "Lyon"]),
    ("Germany", "German", ["Berlin", "Hamburg", "Munich"]),
    ("Poland", "Polish", ["Warsaw", "Krakow", "Gdansk"]),
    ("Ukraine", "Ukrainian", ["Kyiv", "Kharkiv", "Odesa"]),
    ("Russia", "Russian", ["Moscow", "Belgorod", "Kazan"]),
    ("Turkey", "Turkish", ["Ankara", "Istanbul", "Diyarbakir"]),
    ("Iran", "Iranian", ["Tehran", "Isfahan", "Tabriz"]),
    ("Iraq", "Iraqi", ["Baghdad", "Basra", "Mosul"]),
    ("Syria", "Syrian", ["Damascus", "Aleppo", "Idlib"]),
    ("Lebanon", "Lebanese", ["Beirut", "Tripoli", "Sidon"]),
    ("Israel", "Israeli", ["Jerusalem", "Tel Aviv", "Haifa"]),
    ("Jordan", "Jordanian", ["Amman", "Zarqa", "Irbid"]),
    ("Yemen", "Yemeni", ["Sanaa", "Aden", "Taiz"]),
    ("Pakistan", "Pakistani", ["Islamabad", "Karachi", "Peshawar"]),
    ("India", "Indian", ["New Delhi", "Mumbai", "Srinagar"]),
    ("Afghanistan", "Afghan", ["Kabul", "Kandahar", "Herat"]),
    ("Bangladesh", "Bangladeshi", ["Dhaka", "Chittagong", "Sylhet"]),
    ("Myanmar", "Myanmar", ["Yangon", "Mandalay", "Naypyidaw"]),
    ("Thailand", "Thai", ["Bangkok", "Chiang Mai", "Pattani"]),
    ("the Philippines", "Philippine", ["Manila", "Davao", "Marawi"]),
    ("Indonesia", "Indonesian", ["Jakarta", "Surabaya", "Medan"]),
    ("China", "Chinese", ["Beijing", "Shanghai", "Guangzhou"]),
    ("Japan", "Japanese", ["Tokyo", "Osaka", "Okinawa"]),
    ("South Korea", "South Korean", ["Seoul", "Busan", "Incheon"]),
    ("Serbia", "Serbian", ["Belgrade", "Novi Sad", "Nis"]),
    ("Georgia", "Georgian", ["Tbilisi", "Batumi", "Kutaisi"]),
    ("Armenia", "Armenian", ["Yerevan", "Gyumri", "Vanadzor"]),
    ("Haiti", "Haitian", ["Port-au-Prince", "Cap-Haitien", "Les Cayes"]),
    ("the United States", "American", ["Washington", "New York", "Chicago"]),
    ("Britain", "British", ["London", "Manchester", "Belfast"]),
    ("Canada", "Canadian", ["Ottawa", "Toronto", "Montreal"]),
]
FIRST = [
    "Amina",
    "Jonas",
    "Lina",
    "Tomas",
    "Rafael",
    "Sofia",
    "Hassan",
    "Mariam",
    "Viktor",
    "Elena",
    "Kwame",
    "Nadia",
    "Omar",
    "Ingrid",
    "Pedro",
    "Aylin",
    "Daniel",
    "Farida",
    "Kenji",
    "Leila",
    "Marco",
    "Nia",
    "Oleg",
    "Priya",
    "Samuel",
    "Tamar",
    "Yusuf",
    "Zora",
    "Bernard",
    "Chloe",
    "Dmitri",
    "Esther",
    "Felipe",
    "Grace",
    "Ibrahim",
    "Julia",
]
LAST = [
    "Okello",
    "Varga",
    "Haddad",
    "Novak",
    "Mendez",
    "Karimi",
    "Osei",
    "Lindqvist",
    "Petrov",
    "Demir",
    "Adeyemi",
    "Moreau",
    "Castillo",
    "Nakamura",
    "Rahman",
    "Kowalski",
    "Banda",
    "Farouk",
    "Silva",
    "Tanaka",
    "Abebe",
    "Ivanova",
    "Kaya",
    "Mwangi",
    "Oyelaran",
    "Quispe",
    "Reyes",
    "Sato",
    "Toure",
    "Umarov",
    "Vasquez",
    "Wright",
    "Yilmaz",
    "Zulu",
    "Brandt",
]
TITLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Interior Minister",
    "Finance Minister",
    "Vice President",
    "Justice Minister",
    "Army chief General",
    "Senator",
    "Governor",
]
ORGS = [
    "the United Nations",
    "the African Union",
    "the European Union",
    "NATO",
    "the World Bank",
    "the International Monetary Fund",
    "the Red Cross",
    "ECOWAS",
    "the Arab League",
    "the UN Security Council",
    "the World Food Programme",
    "UNICEF",
    "ASEAN",
    "the Organization of American States",
    "Amnesty International",
    "Human Rights Watch",
]
ARMED = [
    "rebels",
    "insurgents",
    "militants",
    "gunmen",
    "separatist fighters",
    "armed men",
    "jihadist fighters",
    "militia fighters",
    "fighters of the Northern Liberation Front",
    "members of the Red Ridge militia",
    "suspected bandits",
    "armed groups",
]
CIVIL = [
    "protesters",
    "demonstrators",
    "students",
    "opposition supporters",
    "farmers",
    "residents",
    "activists",
    "women's groups",
    "young people",
    "pensioners",
    "supporters of the opposition",
    "thousands of people",
    "hundreds of residents",
]
WORKERS = [
    "teachers",
    "nurses",
    "dockworkers",
    "miners",
    "rail workers",
    "bus drivers",
    "doctors",
    "factory workers",
    "civil servants",
    "truck drivers",
    "oil workers",
]
PEOPLE = [
    "journalists",
    "opposition leaders",
    "activists",
    "aid workers",
    "students",
    "civilians",
    "villagers",
    "election officials",
    "human rights lawyers",
    "migrants",
    "two reporters",
    "a local politician",
    "several union leaders",
    "tribal elders",
]
TOPICS = [
    "the new tax law",
    "the election results",
    "the budget",
    "the peace plan",
    "the mining reform",
    "the fuel price rise",
    "the draft constitution",
    "the border deal",
    "the new security law",
    "the proposed pension reform",
    "the trade agreement",
    "the ruling",
    "the decision",
    "the government's response",
    "the land reform",
    "the vote",
    "the nuclear programme",
    "the austerity package",
    "the media law",
]
PLACE_TYPES = ["village", "town", "district", "market", "camp", "border post", "checkpoint"]
TIMES = [
    "",
    "",
    "",
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "last week",
    "overnight",
    "early on Sunday",
    "late on Friday",
    "this week",
    "on Tuesday night",
    "yesterday",
    "earlier this month",
]
NUMBERS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "10",
    "12",
    "15",
    "20",
    "25",
    "30",
    "40",
    "50",
    "dozens of",
    "hundreds of",
    "more than 100",
    "at least 60",
]
AMOUNTS = [
    "$5 million",
    "$20 million",
    "$120 million",
    "$1.2 billion",
    "50 million euros",
    "$300 million",
    "$45 million",
    "$2 billion",
]
GOODS = [
    "food",
    "medical supplies",
    "tents",
    "fuel",
    "vaccines",
    "blankets",
    "water",
    "emergency rations",
    "clean water",
    "seeds and fertiliser",
]
SPEAKERS = [
    "officials",
    "witnesses",
    "a government spokesman",
    "local media",
    "the ministry",
    "residents",
    "diplomats",
    "a statement",
    "state television",
    "a police spokeswoman",
]
DISTRACTORS = [
    "prices rose sharply in the capital",
    "schools in the region stayed open",
    "the currency weakened against the dollar",
    "heavy rain fell across the north",
    "parliament was on its summer recess",
    "the football season resumed",
    "traffic was light in the city centre",
    "the harvest season was under way",
    "the central bank kept rates on hold",
    "many shops were closed for the holiday",
]
LEADS = [
    "In a week dominated by the budget debate",
    "As the rainy season began",
    "Despite the holiday",
    "Barely a month after the census",
    "With the economy in recession",
    "On the eve of a national holiday",
    "In a move that surprised few observers",
    "After months of relative calm",
]
WEAPONS = [
    "air defence systems",
    "armoured vehicles",
    "artillery shells",
    "rifles",
    "drones",
    "anti-tank missiles",
    "patrol boats",
    "fighter jets",
]


def pick_official(rng: random.Random) -> str:
    return f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"


def pick_state(rng: random.Random, country: tuple) -> str:
    name, dem, _ = country
    choice = rng.randrange(8)
    if choice < 3:
        return name
    if choice == 3:
        return f"the {dem} government"
    if choice == 4:
        return f"{dem} officials"
    if choice == 5:
        return f"the {dem} foreign ministry"
    if choice == 6:
        return f"{dem} {pick_official(rng)}"
    return pick_official(rng)


def pick_forces(rng: random.Random, dem: str) -> str:
    return rng.choice(
        [
            f"{dem} troops",
            f"{dem} police",
            f"the {dem} army",
            f"{dem} security forces",
            f"{dem} soldiers",
            "government forces",
            "soldiers",
            "police",
            f"the {dem} military",
            f"{dem} riot police",
            "security forces",
            f"{dem} border guards",
        ]
    )


class Slots:
    """Draws consistent slot values for one sentence (the same slot repeats its value)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        c1, c2, c3 = rng.sample(COUNTRIES, 3)
        self.c1, self.c2, self.c3 = c1, c2, c3
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str:
        if key in self.values:
            return self.values[key]
        rng, c1, c2 = self.rng, self.c1, self.c2
        value = {
            "A": lambda: pick_state(rng, c1),
            "B": lambda: pick_state(rng, c2) if rng.random() < 0.85 else rng.choice(ORGS),
            "C": lambda: c1[0],
            "C2": lambda: c2[0],
            "C3": lambda: self.c3[0],
            "D": lambda: c1[1],
            "D2": lambda: c2[1],
            "O": lambda: pick_official(rng),
            "O2": lambda: pick_official(rng),
            "F": lambda: pick_forces(rng, c1[1]),
            "F2": lambda: pick_forces(rng, c2[1]),
            "R": lambda: rng.choice(ARMED),
            "V": lambda: rng.choice(CIVIL),
            "W": lambda: rng.choice(WORKERS),
            "J": lambda: rng.choice(PEOPLE),
            "G": lambda: rng.choice(ORGS),
            "P": lambda: rng.choice(c1[2]),
            "P2": lambda: rng.choice(c2[2]),
            "Q": lambda: f"a {rng.choice(PLACE_TYPES)} near {rng.choice(c1[2])}",
            "T": lambda: rng.choice(TIMES),
            "N": lambda: rng.choice(NUMBERS),
            "M": lambda: rng.choice(AMOUNTS),
            "K": lambda: rng.choice(GOODS),
            "E": lambda: rng.choice(WEAPONS),
            "X": lambda: rng.choice(TOPICS),
            "Y": lambda: f"opposition leader {rng.choice(FIRST)} {rng.choice(LAST)}",
            "Z": lambda: rng.choice(SPEAKERS),
            "H": lambda: rng.choice(DISTRACTORS),
            "L": lambda: rng.choice(LEADS),
        }[key]()
        self.values[key] = value
        return value


# ---------------------------------------------------------------------------------------
# Frames. A header "## EVENT mode kind" opens a group; each following line is one frame.
# EVENT is a PLOVER category or NONE; mode "-" is none. [word] is the event word;
# *word* marks a coordinated second event word (never used as a negative example).
# ---------------------------------------------------------------------------------------
FRAMES = r"""
## ASSAULT firearms positive
{F} [shot] dead {N} {V} in {P} {T}.
{R} [opened] fire on a police patrol in {P} {T}, killing three officers.
Gunmen [killed] {N} people at a wedding in {Q} {T}, local officials said.
At least five people were [shot] when {F} fired live rounds at a crowd in {P}.
The [shooting] at a market in {P} left {N} people dead, according to hospital staff.
{R} [ambushed] an army convoy on the road to {P} {T}.
Witnesses said {F} [fired] on unarmed {V} outside the governor's office in {P}.
{N} soldiers were [killed] in an ambush by {R} near {P}, the army said {T}.
Police said {R} had [shot] two guards before fleeing into the forest.
A gunman [killed] {O} outside his home in {P} {T}.
{R} [stormed] a police station in {P} and *killed* four officers.
The army said its soldiers [killed] {N} {R} in a firefight near {P}.
## ASSAULT explosives positive
A car bomb [exploded] outside a government building in {P} {T}, killing {N} people.
{R} [bombed] a bus station in {P}, officials said.
A roadside [bomb] killed {N} soldiers on patrol near {P} {T}.
The [bombing] of the central mosque in {P} was the deadliest in years.
An improvised explosive device [killed] three peacekeepers in {Q}.
Militants [detonated] explosives at a checkpoint outside {P} {T}.
Two people died when a bomb [blew] up a minibus in {P}.
A landmine [killed] {N} villagers collecting firewood near {P}.
## ASSAULT suicide-attack positive
A suicide bomber [blew] himself up at a police academy in {P} {T}, killing {N} cadets.
The suicide [attack] on a hotel in {P} was claimed by {R}.
A suicide [bombing] at a rally in {P} killed {N} people {T}.
## ASSAULT aerial positive
{C} [bombed] rebel positions near {P} {T}.
Warplanes [struck] targets in {P} overnight, the {D} army said.
{D} jets carried out [airstrikes] on {Q} {T}.
An [airstrike] hit a hospital in {P}, medics said.
The air force [bombarded] {R} hideouts in the hills above {P}.
{C2} accused {C} of an [air] raid that killed {N} civilians.
## ASSAULT drone positive
A {D} drone [struck] a vehicle carrying {R} near {P} {T}.
{C} launched a [drone] strike on a fuel depot in {P2}.
Drones [attacked] an oil refinery in {P2} {T}, the ministry said.
## ASSAULT heavy-weapons positive
{F} [shelled] residential areas of {P} {T}.
{R} [fired] rockets at {P} from across the border.
Artillery [shelling] of {P} killed {N} residents, the mayor said.
Tanks [pounded] the outskirts of {P} for a third day.
The [shelling] of {Q} forced thousands to flee.
{C} [launched] a missile strike on {C2}'s capital {T}.
## ASSAULT primitive positive
A mob [stabbed] two police officers in {P} {T}.
Attackers armed with machetes [hacked] {N} villagers to death in {Q}.
{V} [hurled] stones at police in {P}, injuring several officers.
Arsonists [torched] a church in {P} {T}.
## ASSAULT abduct positive
{R} [kidnapped] {N} {J} from {Q} {T}.
Gunmen [abducted] {O} on the road to {P}, police said.
The [kidnapping] of {N} students from a school in {P} shocked the country.
{R} [seized] {N} hostages in a raid on {Q}.
Pirates [hijacked] a cargo ship off the coast of {C} {T}.
{J} were [abducted] by {R} near {P}, relatives said.
## ASSAULT beat positive
{F} [beat] {J} with batons in {P} {T}.
Witnesses said {F} had [beaten] detained {V} at a police station.
{J} were [assaulted] by supporters of the ruling party in {P}.
## ASSAULT torture positive
Detainees were [tortured] in a military prison near {P}, a report by {G} found.
{F} [tortured] suspects to extract confessions, former prisoners said.
## ASSAULT sexual positive
{R} [raped] women in villages around {P}, survivors told investigators.
## ASSAULT targeted positive
{O} was [assassinated] in {P} {T}.
The [assassination] of {Y} sparked unrest across {C}.
A sniper [killed] a prominent judge outside the court in {P}.
## ASSAULT destroy positive
{F} [demolished] dozens of homes in {Q} {T}.
{R} [blew] up a bridge linking {P} to the capital.
{R} [destroyed] a power station outside {P}.
## ASSAULT - positive
{F} [attacked] {R} positions near {P} {T}.
{R} [attacked] a military base in {P} {T}, killing {N} soldiers.
The [attack] on a village near {P} by {R} killed {N} people.
{C} [invaded] {C2} {T}, sending columns of tanks across the border.
Heavy [fighting] between {F} and {R} raged in {P} {T}.
{F} [clashed] with {R} in the hills outside {P}.
{N} people died in [clashes] between rival militias in {P}.
{A} said {R} had [attacked] {N} villages in the north {T}.
ATTACK: {R} [raid] army post near {P}, {N} dead
{R} [killed] {N} civilians in {Q} and *burned* their homes.
{C} [assaults] {C2} border town in overnight offensive
{F} launched an [offensive] against {R} strongholds around {P} {T}.
Reports that {F} [massacred] villagers in {Q} drew international condemnation.
{N} people were [killed] and dozens wounded when {R} attacked {Q}.
Dozens died in a [massacre] at {Q}, survivors said.
## ASSAULT - near_miss
{F} [struck] back at {R} near {P} with artillery {T}.
{R} [hit] an army convoy with rockets near {P} {T}.
## ACCUSE disapprove positive
{A} [condemned] the attack on {B} {T}.
{A} strongly [criticised] {B} over {X}.
{O} [denounced] {X} as a betrayal of voters.
{G} [condemned] the killing of {J} in {P}.
{A} [criticized] {B} for its handling of {X} {T}.
{B} came under fierce [criticism] from {A} over {X}.
{A} said it [deplored] the violence in {P}.
The [condemnation] from {A} came hours after the raid.
{O} [blamed] {B} for the collapse of the talks.
{A} [complained] that {B} had ignored {X}.
{A} [slammed] {X}, calling it reckless.
{C} [condemns} {C2} over border killings
{A} issued a statement [condemning] the arrest of {J}.
{O} [lashed] out at {B} in a speech in {P} {T}.
{A} summoned the {D2} ambassador to [protest] the detention of its citizens.
{Y} [accused] the government of mismanaging {X}.
## ACCUSE allege positive
{A} [accused] {B} of supporting {R}.
{C} [accuses} {C2} of meddling in its election
Prosecutors [charged] {O} with corruption {T}.
{O} was [indicted] on bribery charges in {P}.
{A} [sued] {B} at the international court over {X}.
{A} filed a [lawsuit] against {B} {T}.
{A} [alleged] that {B} had armed the militias.
The [accusation] by {A} that {B} rigged the vote angered officials.
A court in {P} [charged] {N} {J} with terrorism offences.
{A} said {B} was [responsible] for the bombing in {P}.
## ACCUSE investigate positive
{G} [launched] an investigation into the killings in {P}.
Prosecutors are [investigating] {O} over the arms deal.
The [investigation] into the massacre in {Q} opened {T}.
{A} [probed] allegations of abuse by {F}.
Investigators [examined] claims that {F} tortured prisoners.
The {D} parliament opened an [inquiry] into {X}.
## ACCUSE disapprove near_miss
{O} [attacked] the plan as unfair to the poor.
{A} [attacked] {X} in a televised address {T}.
{Y} verbally [attacked] {O} during the debate.
In a speech {T}, {O} [attacked] the opposition's proposals.
{A} [blasted] {X}, saying it would hurt farmers.
{O} [hit] out at critics of {X}.
## SUPPORT - positive
{A} [welcomed] {X} {T}.
{A} [praised] {B} for its role in the talks.
{O} [endorsed] {Y} ahead of the vote.
{A} voiced [support] for {B}'s bid to join {G}.
{A} [backed] {B}'s call for a ceasefire.
{C} formally [recognised] the new government in {C2} {T}.
{A} and {B} [signed] a trade agreement in {P} {T}.
{A} [commended] {B} for holding peaceful elections.
{C} [restored] diplomatic relations with {C2} after a decade.
{A} [congratulated] {O} on winning the election.
{A} [ratified] the treaty on border demarcation {T}.
{A} expressed [solidarity] with the people of {C2}.
The [endorsement] of {Y} by {A} came as a surprise.
{C} [hails} {C2} role in peace deal
{A} [applauded] {X}, calling it a step forward.
{A} [welcomed] the release of {J} by {R}.
## SUPPORT - near_miss
{A} [welcomed] the decision by {B} to lift the curfew.
{A} [welcomed] {X} but called for more transparency.
{A} [supported] {B}'s proposal at the summit in {P}.
## CONSULT visit positive
{O} [visited] {C2} {T} for talks with {O2}.
{O} [arrived] in {P2} on a two-day official visit.
{O} [hosted] {O2} in {P} {T}.
During his [visit] to {P2}, {O} met business leaders.
{O} [travelled] to {P2} to meet {O2}.
{O} received {O2} in {P} {T}, the ministry said.
{O} was [welcomed] by {O2} at the airport in {P2} {T}.
## CONSULT - positive
{O} [met] {O2} in {P} {T}.
{A} [held] talks with {B} on {X}.
{A} and {B} [discussed] {X} at a meeting in {P}.
{O} [talks} with {O2} on border security
The [meeting] between {O} and {O2} lasted three hours.
Officials from {C} and {C2} [negotiated] late into the night in {P}.
{A} [consulted] {B} before announcing {X}.
Envoys of {C} and {C2} [convened] in {P} for a second round of negotiations.
{O} held [talks] with {O2} in {P} {T}.
Delegations [met] behind closed doors to discuss {X}.
## CONSULT third-party positive
{C} and {C2} [met] for talks in {P3} hosted by {O3}.
{G} [mediated] talks between {C} and {C2} {T}.
Negotiators from {C} and {C2} [gathered] in Geneva for indirect talks.
## CONSULT multilateral positive
Leaders of {G} member states [met] in {P} to discuss {X}.
{O} [attended] a summit of {G} in {P} {T}.
Foreign ministers [convened] at {G} headquarters {T}.
## CONSULT phone positive
{O} [spoke] by phone with {O2} {T}.
{O} and {O2} held a [phone] call to discuss {X}.
In a [call] with {O2}, {O} discussed regional security.
{O} [telephoned] {O2} to discuss the crisis.
{O} held a video [conference] with {O2} {T}.
## AGREE - positive
{A} [agreed] to resume talks with {B}.
{A} and {B} [agreed] on a ceasefire in {P} {T}.
{A} [promised] to send {K} to {C2}.
{O} [pledged] to cooperate with {G} on {X}.
{A} [offered] to mediate between {C2} and {C3}.
{C} and {C2} [struck] a deal on gas supplies {T}.
{A} and {B} reached an [agreement] on {X}.
{A} [vowed] to work with {B} to end the crisis.
{O} said {C} would [sign] the trade pact next month.
{A} [accepted] an invitation to visit {C2}.
{A} [invited] {O2} to visit {P} {T}.
{O} [committed] {C} to a new defence partnership with {C2}.
{C} [agrees} to talks with {C2} on water sharing
The [deal] between {C} and {C2} was reached after months of talks.
{A} [proposed] joint patrols along the border with {C2}.
{O} said {C} will [provide] {M} in aid to {C2}.
{A} said it was [ready] to cooperate with {B} on {X}.
## AGREE - near_miss
{C} and {C2} [struck] an agreement to reopen the border {T}.
Negotiators [struck] a deal late on Friday to end the dispute.
{A} [sealed] a deal with {B} on fishing rights.
## COOPERATE - positive
{C} and {C2} held joint military [exercises] near {P} {T}.
{C} [extradited] a suspect wanted for murder to {C2}.
{A} [shared] intelligence with {B} on {R}.
{F} and {F2} conducted joint [patrols] along the border.
{C} and {C2} [cooperated] in a crackdown on smuggling networks.
The two navies [trained] together off the coast of {C} {T}.
{C} [resumed] trade with {C2} after a two-year halt.
{C} [handed] over {N} suspects to {C2} under an extradition treaty.
{F} worked [together] with {F2} to dismantle a drug ring.
{C} and {C2} [launched] a joint investment fund {T}.
The [exchange] of intelligence between {C} and {C2} foiled a plot.
## AID - positive
{A} [sent] {K} to flood victims in {C2} {T}.
{C} [provided] {M} in aid to {C2}.
{G} [delivered] {K} to camps near {P2}.
{C} [granted] asylum to {Y}.
{A} [donated] {M} to help rebuild {P2}.
{C} [supplied] {E} to {C2}, officials said.
{G} [airlifted] {K} to the stricken region {T}.
{C} [sent] {N} doctors to help {C2} fight the outbreak.
The [aid] from {C} arrived in {P2} {T}.
{F} [rescued] {N} hostages from {R} near {P}.
{G} [approved] a {M} loan to {C2}.
{C} [forgave] {M} of debt owed by {C2}.
A shipment of {E} from {C} [arrived] in {C2} {T}.
{C} [gives} {C2} {M} for reconstruction
{A} [evacuated] {N} civilians from {P} {T}.
## RETREAT release positive
{R} [released] {N} hostages {T}.
{A} [freed] {J} after a week in detention.
{A} [released] {N} political prisoners in {P}.
The [release] of {N} detainees by {A} was welcomed by families.
{A} and {B} [exchanged] prisoners {T}.
{Y} was [freed] from prison in {P} {T}.
## RETREAT withdraw positive
{F} [withdrew] from {P} {T}.
{C} [pulled] its troops out of {C2}.
The [withdrawal] of {F} from {P} was completed {T}.
{R} [retreated] from positions around {P}.
{F} [left] the town of {P} after weeks of occupation.
## RETREAT ceasefire positive
{R} and {F} [observed] a ceasefire in {P} {T}.
The truce [held] for a third day in {P}.
Fighting [stopped] in {P} as the ceasefire took effect.
## RETREAT disarm positive
{R} [surrendered] to {F} near {P}.
{N} fighters [laid] down their weapons in {P} {T}.
{R} [handed] over their weapons to {G}.
The [demobilisation] of {N} fighters began in {P}.
## RETREAT access positive
{A} [allowed] aid convoys into {P} {T}.
{A} [admitted] {G} inspectors to the nuclear site.
{A} [opened] the border crossing to let aid reach {P}.
## RETREAT resign positive
{O} [resigned] {T}.
{O} [stepped] down after weeks of protests.
The [resignation] of {O} was announced in {P}.
{O} [quit] over the scandal surrounding {X}.
## RETREAT - positive
{C} [lifted] sanctions on {C2} {T}.
{A} [eased] the blockade of {P}.
## CONCEDE - positive
{A} [announced] it would withdraw troops from {P2}.
{O} [pardoned] {N} {J} {T}.
{A} [apologised] for the killing of {J} in {P}.
{A} [lifted] the curfew in {P} {T}.
{A} [declared] a unilateral ceasefire.
{A} [granted] an amnesty to {R} who lay down their arms.
{A} [conceded] defeat in the election {T}.
{A} [yielded] to demands and scrapped {X}.
{A} [backed] down and withdrew {X}.
{O} [expressed] regret for the deaths of {J}.
{A} said it would [release] {N} prisoners next week.
{A} [relaxed] restrictions on public gatherings in {P}.
{A} [reversed] its decision to ban opposition rallies.
{W} [suspended] their strike after talks with the government.
{A} [eased} restrictions on opposition parties
{A} [dropped] charges against {Y}.
The [amnesty] for {R} was announced by {O} {T}.
{A} [agreed] to demands to reinstate the dismissed judges.
## CONCEDE - near_miss
{A} [promised] to pull its forces out of {P2} by the end of the year.
{O} said {C} would [withdraw] its soldiers from {C2} next month.
## REQUEST assist positive
{A} [asked] {B} for {K}.
{A} [appealed] for international help after floods in {P}.
{O} [urged] {G} to send peacekeepers.
{A} [requested] {M} in emergency aid from {G}.
The [appeal] by {A} for aid went largely unanswered.
{A} [sought] military help from {B} {T}.
## REQUEST change positive
{A} [demanded] that {B} change {X}.
{A} [called] for the resignation of {O}.
{V} [demanded] reforms in {P} {T}.
{G} [urged] {B} to scrap {X}.
{A} [pressed] {B} to hold new elections.
The [demand] from {A} for reform was rejected.
{C} [urges} {C2} to reform election law
## REQUEST yield positive
{A} [demanded] the release of {J}.
{G} [called] for an immediate ceasefire in {P}.
{A} [urged] {B} to lift sanctions on {C}.
{A} [asked] {R} to free the hostages.
{G} [appealed] to both sides to halt the fighting.
The [call] by {A} for a truce came as fighting intensified.
## REQUEST meet positive
{A} [called] for talks with {B} on {X}.
{A} [invited] {B} to negotiations in {P}.
{A} [proposed] a meeting with {O2} to ease tensions.
{Y} [asked] for a meeting with {O}.
## REQUEST - positive
{A} [ordered] {F} to leave {P}.
{A} [demanded] an explanation from {B} {T}.
## REJECT assist positive
{A} [rejected] {B}'s request for aid.
{A} [refused] to provide {E} to {B}.
{A} [turned] down an offer of help from {B}.
{A} [declined] to extradite {Y} to {C2}.
## REJECT change positive
{A} [rejected] calls to change {X}.
{O} [refused] to resign despite the protests.
{A} [dismissed] demands for reform as foreign interference.
{A} [vetoed] {X} {T}.
The [rejection] of {X} by {A} deepened the crisis.
{C} [rejects} {C2} demands over border
{A} [rebuffed] calls for new elections.
## REJECT yield positive
{R} [refused] to release the hostages.
{A} [rejected] a ceasefire proposal from {B}.
{A} [refused] to lift the blockade of {P}.
## REJECT meet positive
{A} [refused] to meet {O2}.
{A} [rejected] an offer of talks from {B}.
{A} [boycotted] the peace talks in {P}.
{A} [walked] out of negotiations with {B} {T}.
{A} [snubbed] an invitation to the summit in {P2}.
## REJECT - positive
{A} [rejected] the accusations by {B} as baseless.
{A} [denied] that its forces had shelled {P}.
{A} [dismissed] {X} as unacceptable.
{A} [defied] a court order to release {J}.
## THREATEN violence positive
{A} [threatened] to attack {B} if it crossed the border.
{R} [warned] they would bomb {P} unless their demands were met.
{O} [threatened] military action against {C2}.
The [threat] of force by {A} alarmed neighbouring states.
{A} issued an [ultimatum] to {R} to leave {P}.
{C} [threatens} {C2} with strikes over drone attacks
{O} [vowed] to crush {R} in {P}.
## THREATEN restrict positive
{A} [threatened] to impose a blockade on {P}.
{A} [threatened] a boycott of {C2} goods.
{O} [warned] of a nationwide curfew if unrest continued.
## THREATEN relations positive
{A} [threatened] to cut diplomatic ties with {B}.
{A} [warned] it would suspend talks with {B}.
## THREATEN expel positive
{A} [threatened] to expel {D2} diplomats.
{A} [warned] it would expel {G} staff from the country.
## THREATEN arrest positive
{O} [threatened] to arrest {J} who joined the protests.
Police [warned] {V} they would be detained if they marched.
## THREATEN - positive
{A} [threatened] sanctions against {B} over {X}.
{A} [warned] {B} of serious consequences.
## THREATEN - near_miss
{O} [warned] {B} that it would impose sanctions if the attacks continued.
{A} [demanded] that {B} withdraw or face military action.
## PROTEST demo positive
{N} {V} [protested] in {P} against {X} {T}.
Thousands [marched] through {P} to demand {O}'s resignation.
{V} [rallied] outside parliament in {P} {T}.
The [protest] in {P} drew {N} people.
{V} [demonstrated] against {X} in several cities.
A [demonstration] against {X} filled the streets of {P}.
{V} held a [rally] in {P} {T}.
{V} staged a sit-in [protest] outside the ministry.
[Protesters} rally in {P} against {X}
{N} people took to the streets of {P} to [protest] {X}.
{V} [gathered] in the main square of {P} to denounce {X}.
## PROTEST riot positive
{V} [rioted] in {P} after the verdict {T}.
[Rioters] set fire to cars in {P}.
Violent [riots] broke out in {P} over {X}.
{V} [looted] shops in {P} during unrest.
## PROTEST strike positive
{W} went on [strike] in {P} {T}.
A nationwide [strike] by {W} paralysed {C}.
{W} [walked] out over unpaid wages.
{W} [struck] for a third day in {P}, demanding higher pay.
The [strike] by {W} shut down ports in {P}.
## PROTEST strike near_miss
A general [strike] called by unions brought {P} to a standstill {T}.
The {W} [strike] entered its second week.
## PROTEST hunger positive
{J} in a prison in {P} began a [hunger] strike.
{Y} has been on [hunger] strike for ten days.
## PROTEST boycott positive
{V} [boycotted] the election {T}.
Opposition parties [boycotted] the vote in {P}.
## PROTEST obstruct positive
{V} [blocked] roads into {P} {T}.
Farmers [blockaded] the highway to {P} with tractors.
{V} [occupied] the university campus in {P}.
## PROTEST vandalize positive
{V} [defaced] a statue of {O} in {P}.
{V} [vandalized] the offices of the ruling party in {P}.
## SANCTION discontinue positive
{C} [imposed] sanctions on {C2} {T}.
{C} [suspended] aid to {C2} over {X}.
{A} [cut] diplomatic ties with {B}.
{C} [banned] imports from {C2}.
The new [sanctions] on {C2} target its oil exports.
{G} [suspended] {C2} from the bloc after the coup.
{C} [froze] the assets of {O}.
{C} [halted] arms sales to {C2} {T}.
{C} [severed] relations with {C2}.
{A} [recalled] its ambassador from {C2}.
{C} [slaps} sanctions on {C2} officials
{C} [imposed] an embargo on {C2}.
{C} [blacklisted] {N} {D2} companies.
## SANCTION expel positive
{A} [expelled] {N} {D2} diplomats {T}.
{C} [expelled] the {D2} ambassador.
The [expulsion] of {D2} diplomats followed the spy scandal.
## SANCTION convict positive
A court in {P} [convicted] {Y} of treason.
{O} was [sentenced] to ten years in prison {T}.
A judge [found] {O} guilty of corruption.
The [conviction] of {Y} was condemned by rights groups.
## SANCTION withdraw positive
{G} [withdrew] its staff from {C2}.
{C} [closed] its embassy in {C2} {T}.
## SANCTION - near_miss
{C} [sanctioned] {N} {D2} officials over {X}.
{C} [imposed] tariffs on {D2} steel in a trade dispute.
## COERCE arrest positive
{F} [arrested] {N} {J} in {P} {T}.
{F} [detained] {Y} at the airport in {P}.
Police [rounded] up {N} {V} after the march.
The [arrest] of {Y} sparked protests.
{J} were [arrested] during a raid in {P}.
{F} [jailed] {N} activists without trial.
{C} [arrests} opposition leader ahead of vote
## COERCE seize positive
{F} [raided] the offices of a newspaper in {P}.
{F} [seized] a shipment of weapons in {P}.
Police [confiscated] the passports of {J}.
{F} [searched] homes in {Q} {T}.
The [raid] on the opposition headquarters in {P} lasted hours.
## COERCE restrict positive
{A} [banned] public gatherings in {P}.
{A} [outlawed] the main opposition party {T}.
{A} [imposed] restrictions on travel to {P}.
{A} [dissolved] parliament and ruled by decree.
## COERCE censor positive
{A} [blocked] access to social media {T}.
{A} [shut] down three independent newspapers.
{A} [censored] reports on the protests in {P}.
Authorities cut internet [access] in {P} ahead of the vote.
## COERCE curfew positive
{A} [imposed] a curfew in {P} {T}.
A night-time [curfew] was declared in {P}.
## COERCE martial-law positive
{A} [declared] a state of emergency in {P}.
{O} [imposed] martial law across the north.
## COERCE deport positive
{A} [deported] {N} migrants to {C2}.
{C} [expelled] {N} foreign journalists {T}.
## COERCE cyber positive
Hackers linked to {C} [hacked] the email accounts of {D2} officials.
A [cyberattack] crippled government websites in {C2} {T}.
## COERCE - positive
{F} [dispersed] {V} with tear gas in {P} {T}.
{F} [cracked] down on dissent in {P}.
The [crackdown] on {J} intensified {T}.
{F} [forced] {N} families from their homes in {Q}.
## MOBILIZE troops positive
{C} [deployed] troops to the border with {C2} {T}.
{C} [massed] troops near {P}.
The [deployment] of {N} soldiers to {P} was announced.
{C} [mobilised] reservists as tensions with {C2} rose.
{F} [reinforced] positions along the frontier {T}.
{C} [sent] troops into {P} to restore order.
{C} put its army on high [alert].
## MOBILIZE weapons positive
{C} [moved] missile batteries closer to {C2}.
{C} [stationed] warships off the coast of {C2}.
{C} [positioned] tanks near the border {T}.
## MOBILIZE police positive
{A} [deployed] riot police across {P} ahead of the protest.
Hundreds of police were [deployed] in {P} {T}.
## MOBILIZE militia positive
{R} [massed] fighters outside {P}.
{R} [mobilised] thousands of men around {P} {T}.
## SANCTION - positive
{C} [suspended] talks with {C2} over {X}.
"""

NEGATIVES = r"""
## NONE - negative
{C} has a population of about 50 million people.
The economy of {C} grew by three percent last year.
{P} is the largest city in {C} and home to its main port.
Inflation in {C} rose to nine percent in {T}, the central bank said.
The ministry said {N} schools would reopen after the holidays.
Rain is expected across {P} for most of the week.
{O} has been in office since 2019.
The border between {C} and {C2} is about 800 kilometres long.
{A} said the harvest had been better than expected.
Tourism accounts for a tenth of {C}'s economy.
The report was published by {G} {T}.
{O} said the economy was recovering.
The election commission said turnout was 63 percent.
{A} released its annual budget figures {T}.
Oil prices fell sharply {T} on weak demand.
The conflict has displaced more than a million people since it began.
Relations between {C} and {C2} have been tense for years.
The capital {P} has about four million residents.
{O} told reporters that the weather had delayed the harvest.
The central bank kept interest rates unchanged {T}.
The region has long been a stronghold of {R}.
{C} remains one of the poorest countries in the world.
The new stadium in {P} can hold 40,000 people.
{Y}, who studied law in {P2}, is 54.
Official figures showed unemployment at 12 percent.
{C} and {C2} share a long history of trade.
The company said its profits rose in the third quarter.
Analysts said the currency had lost a fifth of its value.
The talks are seen by diplomats as the best chance for peace in years.
{O} said the country's roads needed urgent repair.
{A} said {N} new hospitals had been built in {P}.
The river that runs through {P} flooded last spring.
The parliament has 300 seats, most held by the ruling party.
{O} lives in {P} with his family.
The attack last year left deep scars in {P}, residents say.
The ceasefire, agreed in March, has largely held.
Most of the country's wheat is imported from {C2}.
Schools in {P} will close for the summer on Friday.
{O} said the economy had grown faster than expected.
Traffic in {P} was heavy {T} as people returned from the holidays.
The festival drew large crowds to {P} {T}.
A spokesman for {A} said the minister was in good health.
{C} won the regional football championship {T}.
The report lists {C} among the most corrupt countries.
Prices for bread have doubled in {P} since January.
Officials said the census would be completed next year.
The museum in {P} houses artefacts from the colonial era.
The minister [said] the talks had been long but useful.
{O} [told] reporters that she was tired after the flight.
{A} [reported] a rise in exports {T}.
The [meeting] room was full of journalists.
The [attack] helicopter on display at the museum dates from the 1980s.
The ministry [published] new figures on unemployment.
{O} [described] {P} as a city of contrasts.
The [strike] price of the bond was set at 102.
The [summit] of the mountain is covered in snow most of the year.
{A} [noted] that food prices had risen.
{C} [has] about 20 million mobile phone users.
The [protest] songs of the 1970s remain popular in {P}.
The new law [takes] effect on January 1.
The bridge [links] {P} with the northern suburbs.
Aid [agencies] have worked in the region for decades.
The [army] is the country's largest employer.
## NONE - near_miss
{O} [fired] the finance minister {T}.
{O} [fired] her chief of staff after the leak.
The company [fired] {N} employees in {P}.
{O} [sacked] the army chief in a reshuffle.
The club [fired] its coach after a string of defeats.
The government [launched] a new vaccination campaign {T}.
{O} [launched] her presidential campaign in {P}.
The space agency [launched] a satellite {T}.
Shares [struck] a record high {T}.
The storm [hit] the coast of {C} {T}, killing {N} people.
An earthquake [struck] {P} {T}, destroying hundreds of homes.
Floods [killed] {N} people in {P} {T}.
A fire [destroyed] a warehouse in {P}, police said.
{N} people [died] in a bus crash near {P}.
The drought [hit] farmers in the north hardest.
The team [beat] {C2} 3-1 in the final.
{C}'s national team [defeated] {C2} in the semi-final {T}.
Inflation [hit] a ten-year high {T}.
The virus [killed] {N} people in {P} last month.
{O} [shot] to fame as a television host.
The film [shot] in {P} won an award.
{O} [met] the deadline for filing the budget.
The price of fuel [met] resistance from consumers.
{A} [welcomed] tourists back to {P} after the pandemic.
{O} [welcomed] the new year with a speech about the economy.
The ministry [released] its report on road safety.
The band [released] a new album {T}.
{A} [released] figures showing growth of two percent.
The company [withdrew] its new phone from the market.
{O} [withdrew] money from the bank.
The [strike] rate of the team's forwards improved.
Lightning [struck] a house in {P} {T}.
The central bank [cut] interest rates {T}.
The airline [cut] {N} flights because of bad weather.
{O} [charged] his phone before the speech.
The company [charged] customers more for fuel.
Markets [rallied] after the central bank's announcement.
Stocks [rallied] in {P} {T}.
The economy [retreated] in the second quarter.
Prices [surrendered] early gains {T}.
{A} [ordered] {N} new trains for the capital.
{O} [raised] taxes on tobacco {T}.
{A} [visited] the site of the new airport in {P}.
{O} [called] a meeting of the cabinet for Monday.
{A} [expelled] three students for cheating.
The ministry [blocked] the sale of the company to a rival.
The referee [sent] off two players during the match.
The [bombshell] report shook the markets.
{O} [attacked] the ball and scored in the final minute.
Prices [exploded] after the harvest failed.
The army [celebrated] its 75th anniversary with a parade in {P}.
The navy [held] a ceremony to launch a new ship.
Sales of {C2} cars [dropped] sharply {T}.
## NONE - irrealis
Analysts said {C} could [attack] {C2} within weeks.
{A} may [impose] sanctions on {C2} next year, diplomats said.
If {R} [attack] {P}, the army will respond.
{C} is expected to [sign] the agreement later this year, observers said.
{O} plans to [visit] {P2} in the spring, according to local media.
{R} want to [seize] control of {P}.
Officials said {V} might [protest] if prices rise again.
{C} would [deploy] troops only as a last resort, an analyst said.
It is unclear whether {A} will [meet] {O2}.
Observers fear that {F} could [crack] down on the opposition.
{O} is considering whether to [resign].
There are fears that {R} may [kidnap] more {J}.
Diplomats hope that {C} and {C2} will [resume] talks.
{C} might [expel] {D2} diplomats, a newspaper speculated.
Should {A} [invade], the region would be destabilised.
{W} may [strike] next month if talks fail.
Experts say {C} could [retaliate] with cyber attacks.
A [possible] attack on {P} worries residents.
{A} is reportedly weighing whether to [arrest] {Y}.
{O} could [face] charges if the inquiry finds evidence.
The government hopes to [attract] foreign investors.
{C} aims to [double] exports by 2030.
{O} wants to [meet] {O2} before the summit, aides said.
{A} is likely to [condemn] the vote, analysts said.
If the talks [fail], {C} may lose support.
Unless {C2} [withdraws], tensions could rise further, analysts warned.
Residents fear {F} would [shell] the town if fighting resumed.
{C} is said to be preparing to [recognise] the new government.
Markets would [react] badly if {C} defaults, economists warned.
{O} may [travel] to {P2} later this year.
## NONE - negated
{F} did not [attack] {P}, the ministry said.
{A} has not [condemned] the killings in {P}.
{C} never [imposed] sanctions on {C2}.
{O} did not [meet] {O2} during the trip.
{R} have not [released] the hostages.
Police did not [arrest] anyone after the march.
{A} denied that it had [sent] troops to {P}.
No one was [killed] in the incident, police said.
{C} has not [recognised] the new government in {C2}.
{A} did not [accuse] {B} of anything, a spokesman said.
{O} did not [resign] despite the pressure.
{W} did not [strike] on Monday as planned.
{C} has never [deployed] troops abroad.
{A} did not [sign] the agreement {T}.
{V} did not [protest] in {P} this year.
{A} has not [provided] any aid to {C2}.
{F} have not [withdrawn] from {P}.
There was no [attack] on the base, officials insisted.
{A} has not yet [agreed] to the proposal.
{O} did not [threaten] {C2}, his office said.
{A} did not [request] any help from {G}.
{A} has not [rejected] the offer, a source said.
No [protests] were reported in {P} {T}.
{C} did not [expel] any diplomats.
## NONE - opinion
Many people in {P} believe the government is [corrupt].
{O} said she was [optimistic] about the economy.
Critics say {X} is [unfair] to the poor.
{Y} said he [thinks] the election will be close.
Residents said they [felt] safer than last year.
It is [important] that both sides show restraint, {O} said.
{A} said relations with {C2} were [good].
Analysts [believe] the ceasefire is fragile.
{O} said {X} was a [good] idea in principle.
Many voters [feel] that {X} came too late.
The situation in {P} remains [difficult], the UN said.
{O} said she [hoped] for better relations with {C2}.
Commentators [argued] that {X} would raise prices.
{A} said the economy was [strong] despite the crisis.
Some economists [doubt] that {X} will work.
{O} said the city was [calm] {T}.
"""

# Near-miss labelled events added here keep their category; NONE near misses live above.
HEADLINE = re.compile(r"\[([^\]\}]+)[\]\}]")


def parse_frames(text: str) -> list[dict]:
    frames = []
    event = mode = kind = None
    counters: Counter = Counter()
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            event, mode, kind = line[3:].split()
            mode = None if mode == "-" else mode
            continue
        group = f"{event}.{mode or '-'}.{kind}"
        counters[group] += 1
        # Headline frames close their trigger with "}" (a typo-proof marker): normalise.
        line = HEADLINE.sub(lambda m: f"[{m.group(1)}]", line)
        frames.append(
            {
                "id": f"{group}.{counters[group]:02d}",
                "template": line,
                "event": event,
                "mode": mode,
                "kind": kind,
            }
        )
    return frames


SLOT = re.compile(r"\{([A-Z][0-9]?)\}")


def fill(template: str, rng: random.Random) -> tuple[str, str | None, int | None, list[int]]:
    slots = Slots(rng)
    if "{P3}" in template or "{O3}" in template:
        slots.values["P3"] = rng.choice(slots.c3[2])
        slots.values["O3"] = f"{slots.c3[1]} {pick_official(rng)}"
    if "{B}" in template and "{A}" in template:
        # keep the two actors distinct
        while True:
            a, b = slots.get("A"), slots.get("B")
            if a != b:
                break
            slots.values.pop("B")
    text = SLOT.sub(lambda m: slots.get(m.group(1)), template)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([.,])", r"\1", text)
    text = text[0].upper() + text[1:]
    start = None
    trigger = None
    also: list[int] = []
    m = re.search(r"\[([^\]]+)\]", text)
    if m:
        start = m.start()
        trigger = m.group(1)
        text = text[: m.start()] + trigger + text[m.end() :]
    while True:
        s = re.search(r"\*([^*]+)\*", text)
        if not s:
            break
        also.append(s.start())
        text = text[: s.start()] + s.group(1) + text[s.end() :]
    if start is not None:
        # stars before the trigger shift it left by two characters each
        shift = sum(2 for a in also if a < start)
        start -= shift
        assert text[start : start + len(trigger)] == trigger, (template, text)
    return text, trigger, start, also


def holdout(frames: list[dict], fraction: float, seed: int) -> set[str]:
    """Pick about ``fraction`` of the frames of every (event, kind) group for validation."""
    groups: dict[tuple, list[str]] = {}
    for frame in frames:
        groups.setdefault((frame["event"], frame["kind"]), []).append(frame["id"])
    held: set[str] = set()
    for key in sorted(groups):
        ids = sorted(groups[key])
        if len(ids) < 3:
            continue
        rng = random.Random(f"{seed}:{key}")
        rng.shuffle(ids)
        held.update(ids[: max(1, round(len(ids) * fraction))])
    return held


# ---------------------------------------------------------------------------------------
# Lexicon frames: each event verb of our own, written once with its forms, is expanded
# into many syntactic shapes (active, reported, passive, headline, subordinate, long with
# distractors, present perfect, nominal) and into contrast shapes that change the label
# (could/did not/if/expected to -> NONE; threatened/refused/agreed/urged to -> the
# governing category). Columns: EVENT mode | base past participle 3sg | noun + preposition
# (or -) | subject kind (A state, F forces, R armed group, V civilians, W workers) | object
# (slots allowed; "-" for none) | passive (y/n)
# ---------------------------------------------------------------------------------------
LEXICON = r"""
ASSAULT - | attack attacked attacked attacks | attack on | R | an army base near {P} | y
ASSAULT firearms | ambush ambushed ambushed ambushes | ambush of | R | a police convoy near {P} | y
ASSAULT firearms | shoot shot shot shoots | shooting of | F | {N} unarmed {V} | y
ASSAULT heavy-weapons | shell shelled shelled shells | shelling of | F | the town of {P} | y
ASSAULT aerial | bomb bombed bombed bombs | bombing of | A | rebel camps near {P} | y
ASSAULT abduct | kidnap kidnapped kidnapped kidnaps | kidnapping of | R | {N} {J} | y
ASSAULT - | kill killed killed kills | killing of | R | {N} villagers in {Q} | y
ASSAULT destroy | burn burned burned burns | burning of | R | dozens of homes in {Q} | y
ASSAULT beat | beat beat beaten beats | beating of | F | detained {V} | y
ASSAULT - | raid raided raided raids | raid on | R | a border post near {P} | y
ASSAULT targeted | assassinate assassinated assassinated assassinates | assassination of | R | {O} | y
ACCUSE disapprove | condemn condemned condemned condemns | condemnation of | A | {X} | y
ACCUSE disapprove | criticise criticised criticised criticises | criticism of | A | {B} over {X} | y
ACCUSE disapprove | denounce denounced denounced denounces | denunciation of | A | {X} | y
ACCUSE allege | accuse accused accused accuses | - | A | {B} of arming {R} | y
ACCUSE disapprove | blame blamed blamed blames | - | A | {B} for the violence in {P} | y
ACCUSE investigate | investigate investigated investigated investigates | investigation into | A | {O} over {X} | y
ACCUSE allege | charge charged charged charges | - | A | {N} {J} with treason | y
ACCUSE allege | sue sued sued sues | - | A | {B} over {X} | y
SUPPORT - | praise praised praised praises | praise for | A | {B} for its role in the talks | y
SUPPORT - | welcome welcomed welcomed welcomes | - | A | {X} | y
SUPPORT - | endorse endorsed endorsed endorses | endorsement of | A | {Y} | y
SUPPORT - | back backed backed backs | - | A | {B}'s bid to join {G} | y
SUPPORT - | recognise recognised recognised recognises | recognition of | A | the new government of {C2} | y
SUPPORT - | commend commended commended commends | - | A | {B} for the peaceful vote | y
CONSULT - | meet met met meets | meeting with | A | {O2} in {P} | n
CONSULT visit | visit visited visited visits | visit to | A | {C2} | y
CONSULT visit | host hosted hosted hosts | - | A | {O2} in {P} | y
CONSULT - | discuss discussed discussed discusses | discussion of | A | {X} with {B} | y
CONSULT phone | phone phoned phoned phones | - | A | {O2} to discuss {X} | y
CONSULT - | negotiate negotiated negotiated negotiates | - | A | with {B} over {X} | n
AGREE - | agree agreed agreed agrees | - | A | to resume trade with {C2} | n
AGREE - | promise promised promised promises | promise of | A | {K} to {C2} | y
AGREE - | pledge pledged pledged pledges | pledge of | A | {M} to rebuild {P2} | y
AGREE - | offer offered offered offers | offer of | A | to mediate between {C2} and {C3} | n
AGREE - | vow vowed vowed vows | - | A | to work with {B} on {X} | n
COOPERATE - | extradite extradited extradited extradites | extradition of | A | {N} suspects to {C2} | y
COOPERATE - | share shared shared shares | - | A | intelligence with {B} | y
COOPERATE - | cooperate cooperated cooperated cooperates | cooperation with | A | with {B} against smuggling | n
AID - | send sent sent sends | - | A | {K} to flood victims in {C2} | y
AID - | provide provided provided provides | provision of | A | {M} in aid to {C2} | y
AID - | deliver delivered delivered delivers | delivery of | A | {K} to camps near {P2} | y
AID - | donate donated donated donates | donation of | A | {M} to {C2} | y
AID - | rescue rescued rescued rescues | rescue of | F | {N} hostages held by {R} | y
AID - | supply supplied supplied supplies | supply of | A | {E} to {C2} | y
RETREAT release | release released released releases | release of | R | {N} hostages | y
RETREAT release | free freed freed frees | - | A | {N} political prisoners | y
RETREAT withdraw | withdraw withdrew withdrawn withdraws | withdrawal from | F | from {P} | n
RETREAT disarm | surrender surrendered surrendered surrenders | surrender to | R | to the army near {P} | n
RETREAT resign | resign resigned resigned resigns | resignation from | O | from the cabinet | n
RETREAT withdraw | evacuate evacuated evacuated evacuates | - | F | their positions around {P} | y
CONCEDE - | pardon pardoned pardoned pardons | pardon of | A | {N} jailed {J} | y
CONCEDE - | apologise apologised apologised apologises | apology for | A | for the deaths of {J} | n
CONCEDE - | lift lifted lifted lifts | lifting of | A | the curfew in {P} | y
CONCEDE - | ease eased eased eases | easing of | A | restrictions on the press | y
CONCEDE - | scrap scrapped scrapped scraps | - | A | {X} after weeks of protests | y
REQUEST change | demand demanded demanded demands | demand for | A | the resignation of {O} | y
REQUEST assist | request requested requested requests | request for | A | {K} from {G} | y
REQUEST - | urge urged urged urges | - | A | {B} to rethink {X} | y
REQUEST assist | appeal appealed appealed appeals | appeal for | A | for international help | n
REQUEST - | ask asked asked asks | - | A | {B} for help with {X} | y
REJECT - | reject rejected rejected rejects | rejection of | A | {X} | y
REJECT - | refuse refused refused refuses | refusal of | A | {B}'s offer of talks | y
REJECT - | deny denied denied denies | denial of | A | the accusations by {B} | y
REJECT - | veto vetoed vetoed vetoes | veto of | A | {X} | y
REJECT meet | boycott boycotted boycotted boycotts | boycott of | A | the talks in {P} | y
THREATEN - | threaten threatened threatened threatens | threat of | A | {B} with sanctions | y
THREATEN - | warn warned warned warns | warning to | A | {B} of retaliation | y
PROTEST demo | protest protested protested protests | protest against | V | against {X} in {P} | n
PROTEST demo | march marched marched marches | march through | V | through {P} | n
PROTEST demo | rally rallied rallied rallies | rally in | V | in {P} against {X} | n
PROTEST demo | demonstrate demonstrated demonstrated demonstrates | demonstration against | V | against {X} | n
PROTEST riot | riot rioted rioted riots | riot in | V | in {P} after the verdict | n
PROTEST obstruct | block blocked blocked blocks | blockade of | V | roads into {P} | y
SANCTION discontinue | sanction sanctioned sanctioned sanctions | - | A | {N} {D2} officials | y
SANCTION discontinue | suspend suspended suspended suspends | suspension of | A | aid to {C2} | y
SANCTION discontinue | freeze froze frozen freezes | freezing of | A | the assets of {O} | y
SANCTION expel | expel expelled expelled expels | expulsion of | A | {N} {D2} diplomats | y
SANCTION convict | convict convicted convicted convicts | conviction of | A | {Y} of treason | y
SANCTION discontinue | halt halted halted halts | - | A | arms sales to {C2} | y
COERCE arrest | arrest arrested arrested arrests | arrest of | F | {N} {J} in {P} | y
COERCE arrest | detain detained detained detains | detention of | F | {Y} at the airport | y
COERCE seize | seize seized seized seizes | seizure of | F | a shipment of weapons in {P} | y
COERCE restrict | ban banned banned bans | ban on | A | opposition rallies in {P} | y
COERCE deport | deport deported deported deports | deportation of | A | {N} migrants to {C2} | y
COERCE - | disperse dispersed dispersed disperses | - | F | {V} with tear gas | y
COERCE censor | censor censored censored censors | censorship of | A | reports on the unrest | y
MOBILIZE troops | deploy deployed deployed deploys | deployment of | A | troops to the border with {C2} | y
MOBILIZE troops | mass massed massed masses | - | A | troops near {P} | y
MOBILIZE troops | mobilise mobilised mobilised mobilises | mobilisation of | A | reservists | y
MOBILIZE weapons | station stationed stationed stations | - | A | warships off the coast of {C2} | y
"""

SUBJECTS = {"A": "{A}", "F": "{F}", "R": "{R}", "V": "{V}", "W": "{W}", "O": "{O}"}
HEADLINE_SUBJECTS = {
    "A": ("{C}", "sg"),
    "F": ("{D} troops", "pl"),
    "R": ("{R}", "pl"),
    "V": ("{V}", "pl"),
    "W": ("{W}", "pl"),
    "O": ("{O}", "sg"),
}
NOMINAL_ENDS = [
    "was reported by local media",
    "came after weeks of tension",
    "was the first of its kind in years",
    "took place {T}",
]
COOPERATIVE = {"CONSULT", "COOPERATE", "AID", "SUPPORT", "AGREE"}
YIELDING = {"RETREAT", "CONCEDE"}
THREAT_MODE = {
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "COERCE": "arrest",
    "SANCTION": "relations",
}
REFUSE_MODE = {
    "CONSULT": "meet",
    "COOPERATE": "assist",
    "AID": "assist",
    "SUPPORT": "assist",
    "AGREE": "assist",
    "RETREAT": "yield",
    "CONCEDE": "change",
}


def _clean(obj: str) -> str:
    return "" if obj == "-" else " " + obj


def lexicon_frames() -> list[dict]:
    frames = []
    for raw in LEXICON.strip().splitlines():
        head, forms, noun, subj_kind, obj, passive = (part.strip() for part in raw.split("|"))
        event, mode = head.split()
        mode = None if mode == "-" else mode
        base, past, pp, sg = forms.split()
        subj = SUBJECTS[subj_kind]
        o = _clean(obj)
        shapes: list[tuple[str, str, str | None, str, str]] = []

        def add(shape, template, ev=event, md=mode, kind="positive", shapes=shapes):
            shapes.append((shape, template, ev, md, kind))

        add("active", f"{subj} [{past}]{o} {{T}}.")
        add("reported", f"{{Z}} said {subj} had [{pp}]{o}.")
        add("perfect", f"{{Z}} confirmed that {subj} had [{pp}]{o} {{T}}.")
        add("after", f"After {subj} [{past}]{o}, {{H}}.")
        add("long", f"{{L}}, {subj} [{past}]{o} {{T}}, according to {{Z}}.")
        add("coord", f"{subj} [{past}]{o} and later said the situation in {{P}} was calm.")
        add("relative", f"{subj}, which [{past}]{o} {{T}}, gave no further details.")
        hs, number = HEADLINE_SUBJECTS[subj_kind]
        add("headline", f"{hs} [{sg if number == 'sg' else base}]{o}")
        if passive == "y" and obj != "-" and not obj.startswith(("to ", "with ", "from ")):
            add("passive", f"{obj[0].upper() + obj[1:]} had been [{pp}] by {subj}, {{Z}} said.")
        if noun != "-":
            word, _, prep = noun.partition(" ")
            end = NOMINAL_ENDS[len(base) % len(NOMINAL_ENDS)]
            target = (
                obj.split(" ", 1)[1]
                if obj.split(" ", 1)[0]
                in ("to", "from", "with", "for", "against", "in", "through", "of")
                and " " in obj
                else obj
            )
            if obj == "-":
                add("nominal", f"The [{word}] by {subj} {end}.")
            else:
                add("nominal", f"The [{word}] {prep} {target} by {subj} {end}.")
        # contrast shapes: same verb, different label
        add("could", f"{subj} could [{base}]{o}, analysts said.", "NONE", None, "irrealis")
        add("may", f"{{Z}} said {subj} may [{base}]{o} next year.", "NONE", None, "irrealis")
        add(
            "if",
            f"If {subj} [{past}]{o}, the region would suffer, analysts said.",
            "NONE",
            None,
            "irrealis",
        )
        add(
            "expected",
            f"Diplomats expect {subj} to [{base}]{o} later this year.",
            "NONE",
            None,
            "irrealis",
        )
        add("wants", f"{{Z}} said {subj} wanted to [{base}]{o}.", "NONE", None, "irrealis")
        add("didnot", f"{subj} did not [{base}]{o} {{T}}.", "NONE", None, "negated")
        add("never", f"{subj} had never [{pp}]{o}, {{Z}} said.", "NONE", None, "negated")
        if event in THREAT_MODE or (event == "COERCE"):
            tm = THREAT_MODE.get(event, "restrict")
            if mode == "arrest":
                tm = "arrest"
            if mode == "expel":
                tm = "expel"
            add("threatened", f"{subj} [threatened] to {base}{o}.", "THREATEN", tm, "near_miss")
            add(
                "warned",
                f"{subj} [warned] it would {base}{o} unless {{B}} backed down.",
                "THREATEN",
                tm,
                "near_miss",
            )
        if event in REFUSE_MODE:
            add(
                "refused",
                f"{subj} [refused] to {base}{o}.",
                "REJECT",
                REFUSE_MODE[event],
                "near_miss",
            )
            add(
                "urged",
                f"{{G}} [urged] {subj} to {base}{o}.",
                "REQUEST",
                "yield" if event in YIELDING else "assist" if event != "CONSULT" else "meet",
                "near_miss",
            )
        if event in YIELDING and subj_kind != "O":
            add(
                "agreedto",
                f"{subj} [agreed] to {base}{o} next month.",
                "CONCEDE",
                None,
                "near_miss",
            )
        if event in {"CONSULT", "COOPERATE", "AID", "SUPPORT"}:
            add(
                "will",
                f"{subj} [announced] it will {base}{o} next month.",
                "AGREE",
                None,
                "near_miss",
            )
        for shape, template, ev, md, kind in shapes:
            frames.append(
                {
                    "id": f"LEX.{ev}.{md or '-'}.{kind}.{base}.{shape}",
                    "template": template,
                    "event": ev,
                    "mode": md,
                    "kind": kind,
                    "lexical": True,
                }
            )
    return frames


def build(
    per_frame: int = 16, seed: int = SEED, fraction: float = 0.2, lexical_per_frame: int = 5
) -> list[dict]:
    frames = parse_frames(FRAMES) + parse_frames(NEGATIVES) + lexicon_frames()
    held = holdout(frames, fraction, seed)
    seen: set[str] = set()
    records = []
    for frame in frames:
        rng = random.Random(f"{seed}:{frame['id']}")
        # frames without slots yield at most one sentence; others up to per_frame
        target = per_frame if SLOT.search(frame["template"]) else 1
        if frame.get("lexical"):
            target = min(target, lexical_per_frame)
        made = tries = 0
        while made < target and tries < target * 6:
            tries += 1
            text, trigger, start, also = fill(frame["template"], rng)
            if text in seen:
                continue
            seen.add(text)
            made += 1
            records.append(
                {
                    "text": text,
                    "trigger": trigger,
                    "start": start,
                    "also": also,
                    "event": frame["event"],
                    "mode": frame["mode"],
                    "kind": frame["kind"],
                    "frame": frame["id"],
                    "split": "val" if frame["id"] in held else "train",
                }
            )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "corpus.jsonl")
    parser.add_argument("--per-frame", type=int, default=16)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    records = build(args.per_frame, args.seed)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    by_event = Counter(r["event"] for r in records)
    by_kind = Counter(r["kind"] for r in records)
    frames = Counter(r["frame"] for r in records)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:12]
    print(f"{len(records)} sentences from {len(frames)} frames -> {args.out} ({digest})")
    print("by event:", dict(sorted(by_event.items())))
    print("by kind:", dict(sorted(by_kind.items())))
    val = sum(r["split"] == "val" for r in records)
    print(f"held-out (val) sentences: {val}")


if __name__ == "__main__":
    main()
