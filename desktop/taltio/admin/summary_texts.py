"""The words of the customer's copy (summary and README) in Finnish, Swedish and English.

Kept apart from the layout so a translator reads one table, and so every language has every key
(tests/test_admin_export.py checks that). Plain language on purpose: the reader is a customer who
asked what was recorded, not a lawyer or an engineer.
"""
from __future__ import annotations

LANGUAGES = ("fi", "sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "title": "Kopio puhelutallenteistanne",
        "intro": ("Pyysitte kopiota puheluista, jotka {org} on tallentanut (EU:n tietosuoja-asetus, 15 artikla). "
                  "Tämä paketti sisältää jokaisen puhelun koko tallenteen sellaisenaan sekä tämän yhteenvedon."),
        "request": "Pyynnön tunnus",
        "made": "Kopio tehty",
        "calls": "Puheluita",
        "call": "Puhelu {n}/{total}",
        "date": "Päivä ja aika",
        "organisation": "Organisaatio",
        "agent": "Asiakaspalvelija (tunnus)",
        "customer": "Teidän numeronne",
        "number_unknown": "(numeroa ei saatu puhelinohjelmalta)",
        "direction": "Suunta",
        "incoming": "Soititte meille",
        "outgoing": "Soitimme teille",
        "duration": "Tallenteen kesto",
        "no_audio": "Tästä puhelusta ei ole tallennetta (ei tallennettu).",
        "audio_file": "Tallenne tiedostossa",
        "notice": "Ilmoitus tallentamisesta",
        "notice_agent": "Asiakaspalvelija kertoi tallentamisesta ennen kuin tallennus alkoi",
        "notice_on_answer": "Tallennus alkoi vastattaessa; asiakaspalvelija kertoi siitä puhelun alussa",
        "notice_given": "Ilmoitus annettu",
        "notice_text": "Ilmoituksen teksti",
        "notice_text_missing": ("Ilmoituksen tekstiä ei ole tässä kopiossa: puhelun tietoihin on tallennettu vain "
                                "tekstin tarkiste (SHA-256 {sha}). Voitte pyytää tekstin meiltä; tarkisteella "
                                "voi todeta, että se on sama teksti."),
        "notice_none": "Puhelun tiedoissa ei ole ilmoituksen aikaa.",
        "pauses": "Tauot",
        "pauses_none": "Tallennusta ei keskeytetty.",
        "pause_row": "{start} – {end} (tallenteen kohdassa {offset})",
        "pauses_note": "Korttitietoja tai turvakoodeja ei tallennettu näiden taukojen aikana.",
        "marks": "Sopimusmerkinnät",
        "marks_none": "Puhelussa ei ole sopimusmerkintöjä.",
        "mark_row": "{at} (tallenteen kohdassa {offset})",
        "mark_note": "Asiakaspalvelija merkitsi nämä kohdat, kun jostakin sovittiin.",
        "verified": "Tarkistettu",
        "verified_text": ("Tallenne ja sen tiedot on tarkistettu: allekirjoitus on kelvollinen ja tallenne on "
                          "sama, joka puhelun aikana tallennettiin."),
        "questions": "Kysyttävää?",
        "questions_text": "Ottakaa yhteyttä: {contact}. Mainitkaa pyynnön tunnus {request}.",
        "contact_unset": "organisaatio, joka lähetti teille tämän kopion",
        "unknown": "(ei tiedossa)",
        "page": "Sivu {n}",
        "readme_title": "Lue minut: mitä tässä paketissa on ja miten sen voi tarkistaa",
    },
    "sv": {
        "title": "Kopia av dina samtalsinspelningar",
        "intro": ("Du har begärt en kopia av de samtal som {org} har spelat in (EU:s dataskyddsförordning, "
                  "artikel 15). Paketet innehåller hela inspelningen av varje samtal, oförändrad, och den här "
                  "sammanfattningen."),
        "request": "Begärans id",
        "made": "Kopian gjord",
        "calls": "Samtal",
        "call": "Samtal {n} av {total}",
        "date": "Datum och tid",
        "organisation": "Organisation",
        "agent": "Handläggare (id)",
        "customer": "Ditt nummer",
        "number_unknown": "(numret kom inte från telefonprogrammet)",
        "direction": "Riktning",
        "incoming": "Du ringde oss",
        "outgoing": "Vi ringde dig",
        "duration": "Inspelningens längd",
        "no_audio": "Det finns ingen inspelning av det här samtalet (det spelades inte in).",
        "audio_file": "Inspelningen i filen",
        "notice": "Information om inspelningen",
        "notice_agent": "Handläggaren berättade om inspelningen innan den började",
        "notice_on_answer": "Inspelningen började när samtalet besvarades; handläggaren berättade om den i början",
        "notice_given": "Informationen gavs",
        "notice_text": "Informationens text",
        "notice_text_missing": ("Informationens text finns inte i den här kopian: samtalets uppgifter innehåller "
                                "bara en kontrollsumma av texten (SHA-256 {sha}). Du kan be oss om texten; med "
                                "kontrollsumman kan man se att det är samma text."),
        "notice_none": "Samtalets uppgifter anger ingen tid för informationen.",
        "pauses": "Pauser",
        "pauses_none": "Inspelningen pausades inte.",
        "pause_row": "{start} – {end} (vid {offset} i inspelningen)",
        "pauses_note": "Kortuppgifter eller säkerhetskoder spelades inte in under dessa pauser.",
        "marks": "Markeringar för överenskommelser",
        "marks_none": "Samtalet har inga markeringar.",
        "mark_row": "{at} (vid {offset} i inspelningen)",
        "mark_note": "Handläggaren markerade dessa ställen när ni kom överens om något.",
        "verified": "Kontrollerad",
        "verified_text": ("Inspelningen och dess uppgifter har kontrollerats: signaturen är giltig och "
                          "inspelningen är densamma som spelades in under samtalet."),
        "questions": "Frågor?",
        "questions_text": "Kontakta: {contact}. Ange begärans id {request}.",
        "contact_unset": "organisationen som skickade den här kopian till dig",
        "unknown": "(okänt)",
        "page": "Sida {n}",
        "readme_title": "Läs mig: vad paketet innehåller och hur det kan kontrolleras",
    },
    "en": {
        "title": "A copy of your call recordings",
        "intro": ("You asked for a copy of the calls {org} recorded (EU General Data Protection Regulation, "
                  "Article 15). This package holds the complete recording of each call, unchanged, and this "
                  "summary."),
        "request": "Request id",
        "made": "Copy made",
        "calls": "Calls",
        "call": "Call {n} of {total}",
        "date": "Date and time",
        "organisation": "Organisation",
        "agent": "Agent (id)",
        "customer": "Your number",
        "number_unknown": "(the softphone gave no number)",
        "direction": "Direction",
        "incoming": "You called us",
        "outgoing": "We called you",
        "duration": "Length of the recording",
        "no_audio": "There is no recording of this call (it was not recorded).",
        "audio_file": "Recording in the file",
        "notice": "Notice of recording",
        "notice_agent": "The agent told you about the recording before it started",
        "notice_on_answer": "Recording started at the answer; the agent told you about it at the start",
        "notice_given": "Notice given",
        "notice_text": "Text of the notice",
        "notice_text_missing": ("The notice text is not in this copy: the call's record holds only a checksum of "
                                "the text (SHA-256 {sha}). You can ask us for the text; the checksum shows "
                                "whether it is the same text."),
        "notice_none": "The call's record gives no time for the notice.",
        "pauses": "Pauses",
        "pauses_none": "The recording was not paused.",
        "pause_row": "{start} – {end} (at {offset} into the recording)",
        "pauses_note": "Card details or security codes were not recorded during these pauses.",
        "marks": "Agreement marks",
        "marks_none": "The call has no agreement marks.",
        "mark_row": "{at} (at {offset} into the recording)",
        "mark_note": "The agent marked these moments when something was agreed.",
        "verified": "Verified",
        "verified_text": ("The recording and its record were checked: the signature is valid and the recording "
                          "is the one made during the call."),
        "questions": "Questions?",
        "questions_text": "Contact: {contact}. Please give the request id {request}.",
        "contact_unset": "the organisation that sent you this copy",
        "unknown": "(not known)",
        "page": "Page {n}",
        "readme_title": "Read me: what this package holds and how to check it",
    },
}

# "(in Finnish)": the notice text is shown as it was read, which may be another language than the summary's.
IN_LANGUAGE = {"fi": {"fi": "suomeksi", "sv": "på finska", "en": "in Finnish"},
               "sv": {"fi": "ruotsiksi", "sv": "på svenska", "en": "in Swedish"},
               "en": {"fi": "englanniksi", "sv": "på engelska", "en": "in English"}}

ORG_UNSET = {"fi": "organisaatio", "sv": "organisationen", "en": "the organisation"}

# How long: "1 h 02 min 05 s" reads the same in all three; only the words differ.
UNITS = {"fi": ("t", "min", "s"), "sv": ("tim", "min", "s"), "en": ("h", "min", "s")}


def t(lang: str, key: str, **fields: object) -> str:
    """The text *key* in *lang*, filled; an unknown language falls back to English."""
    table = TEXTS.get(lang, TEXTS["en"])
    return table[key].format(**fields) if fields else table[key]


# The README of the zip: what is in it and how anyone can check it. {folder} is the zip's top folder.
README: dict[str, str] = {
    "fi": """\
MITÄ PAKETISSA ON
  summary.html, summary.pdf   yhteenveto puheluista (sama sisältö kahdessa muodossa)
  audio/                      jokaisen puhelun koko tallenne sellaisenaan (Ogg; avautuu esim. VLC:llä)
  evidence/                   todisteet: puhelujen allekirjoitetut tiedot (*.manifest.json) ja
                              allekirjoitukset (*.manifest.json.sig), tarkistusraportit (*.verify.txt,
                              *.verify.json), allowed_signers (työasemien julkiset avaimet) ja
                              encrypted/ (tallenteet salattuina, kuten ne on säilytetty)

MITEN TIEDOT VOI TARKISTAA
Kuka tahansa voi tarkistaa OpenSSH:n ssh-keygen-ohjelmalla, että puhelun tiedot ovat
muuttumattomat ja sen työaseman allekirjoittamat, joka puhelun tallensi. Hakemistossa evidence:

  ssh-keygen -Y verify -f allowed_signers -I workstation -n taltio-manifest-v1 \\
      -s PUHELU.manifest.json.sig < PUHELU.manifest.json

Tulos "Good signature" tarkoittaa, että tiedosto on täsmälleen se, jonka työasema allekirjoitti.
Salattujen tallenteiden tarkisteet ovat allekirjoitetuissa tiedoissa (audio.file.sha256 tai
audio.segments[].sha256). Hakemistossa evidence/encrypted:

  sha256sum -c SHA256SUMS

Tallenteet hakemistossa audio/ ovat näiden salattujen tiedostojen purettu sisältö. Purkaminen vaatii
organisaation avaimen, joten tämän yhteyden voi todeta organisaatio (tai esimerkiksi
tietosuojavaltuutettu organisaation avulla): age -d -i AVAIN encrypted/PUHELU.ogg.age | cmp - audio/PUHELU.ogg
Vientityökalu tarkisti tarkisteet ennen purkamista ja uudelleen purkaessaan (evidence/*.verify.txt).
""",
    "sv": """\
VAD PAKETET INNEHÅLLER
  summary.html, summary.pdf   sammanfattning av samtalen (samma innehåll i två format)
  audio/                      hela inspelningen av varje samtal, oförändrad (Ogg; öppnas t.ex. med VLC)
  evidence/                   bevis: samtalens signerade uppgifter (*.manifest.json) och signaturer
                              (*.manifest.json.sig), kontrollrapporter (*.verify.txt, *.verify.json),
                              allowed_signers (arbetsstationernas publika nycklar) och encrypted/
                              (inspelningarna krypterade, så som de har lagrats)

HUR UPPGIFTERNA KAN KONTROLLERAS
Vem som helst kan med OpenSSH:s program ssh-keygen kontrollera att samtalets uppgifter är
oförändrade och signerade av den arbetsstation som spelade in samtalet. I mappen evidence:

  ssh-keygen -Y verify -f allowed_signers -I workstation -n taltio-manifest-v1 \\
      -s SAMTAL.manifest.json.sig < SAMTAL.manifest.json

Resultatet "Good signature" betyder att filen är exakt den som arbetsstationen signerade.
De krypterade inspelningarnas kontrollsummor finns i de signerade uppgifterna (audio.file.sha256
eller audio.segments[].sha256). I mappen evidence/encrypted:

  sha256sum -c SHA256SUMS

Inspelningarna i mappen audio/ är det dekrypterade innehållet i dessa krypterade filer. Dekrypteringen
kräver organisationens nyckel, så sambandet kan konstateras av organisationen (eller t.ex. av
dataskyddsmyndigheten med organisationens hjälp): age -d -i NYCKEL encrypted/SAMTAL.ogg.age | cmp - audio/SAMTAL.ogg
Exportverktyget kontrollerade kontrollsummorna före dekrypteringen och på nytt under den
(evidence/*.verify.txt).
""",
    "en": """\
WHAT THIS PACKAGE HOLDS
  summary.html, summary.pdf   a summary of the calls (the same content in two formats)
  audio/                      the complete recording of each call, unchanged (Ogg; plays in e.g. VLC)
  evidence/                   the evidence: each call's signed record (*.manifest.json) and its
                              signature (*.manifest.json.sig), verification reports (*.verify.txt,
                              *.verify.json), allowed_signers (the workstations' public keys) and
                              encrypted/ (the recordings encrypted, as they were stored)

HOW TO CHECK IT
Anyone can check with OpenSSH's ssh-keygen that a call's record is unchanged and signed by the
workstation that recorded the call. In the folder evidence:

  ssh-keygen -Y verify -f allowed_signers -I workstation -n taltio-manifest-v1 \\
      -s CALL.manifest.json.sig < CALL.manifest.json

"Good signature" means the file is exactly what the workstation signed. The checksums of the
encrypted recordings are in the signed record (audio.file.sha256 or audio.segments[].sha256).
In the folder evidence/encrypted:

  sha256sum -c SHA256SUMS

The recordings in audio/ are the decrypted content of these encrypted files. Decrypting needs the
organisation's key, so that link can be confirmed by the organisation (or, say, a data protection
authority with its help): age -d -i KEY encrypted/CALL.ogg.age | cmp - audio/CALL.ogg
The export tool checked the checksums before decrypting and again while decrypting
(evidence/*.verify.txt).
""",
}


def readme(lang: str) -> str:
    """The README in the customer's language, then in English (once, if that is English)."""
    own = f"{t(lang, 'readme_title')}\n{'=' * len(t(lang, 'readme_title'))}\n\n{README.get(lang, README['en'])}"
    if lang == "en" or lang not in README:
        return own
    return f"{own}\n\n{t('en', 'readme_title')}\n{'=' * len(t('en', 'readme_title'))}\n\n{README['en']}"
