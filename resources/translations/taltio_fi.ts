<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi" sourcelanguage="en">
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/devices_dialog.py" line="+23"/>
        <source>set by your organisation</source>
        <translation>organisaatiosi määrittämä</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Taltio: audio devices</source>
        <translation>Taltio: äänilaitteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speak into your headset and play something in the softphone: both bars should move.</source>
        <translation>Puhu kuulokemikrofoniin ja toista jotain ohjelmistopuhelimessa: molempien palkkien pitäisi liikkua.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your headset microphone</source>
        <translation>Kuulokemikrofoni</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>If it is unplugged, use</source>
        <translation>Jos se irrotetaan, käytä</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Customer&apos;s side (softphone output)</source>
        <translation>Asiakkaan puoli (ohjelmistopuhelimen äänilähtö)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Microphone level</source>
        <translation>Mikrofonin äänitaso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s side level</source>
        <translation>Asiakkaan puolen äänitaso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggested for the customer&apos;s side: &lt;b&gt;{device}&lt;/b&gt;, which carries what the softphone plays.</source>
        <translation>Ehdotus asiakkaan puolelle: &lt;b&gt;{device}&lt;/b&gt;, joka välittää ohjelmistopuhelimen toistaman äänen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggested for the customer&apos;s side: &lt;b&gt;{device}&lt;/b&gt;, which carries what your default output plays.</source>
        <translation>Ehdotus asiakkaan puolelle: &lt;b&gt;{device}&lt;/b&gt;, joka välittää oletusäänilaitteesi toistaman äänen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing: mark a gap and wait for it to return</source>
        <translation>Ei mitään: merkitse katko ja odota laitteen paluuta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}  (suggested)</source>
        <translation>{device}  (ehdotettu)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Could not save: {error}</source>
        <translation>Valintoja ei voitu tallentaa: {error}</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <location filename="../../desktop/taltio/ui/notice_card.py" line="+19"/>
        <source>Call ringing: prepare the notice</source>
        <translation>Puhelu soi: valmistaudu lukemaan ilmoitus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the notice, then start recording</source>
        <translation>Lue ilmoitus ja aloita sitten tallennus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● Recording</source>
        <translation>● Tallennetaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>❚❚ Paused: nothing is recorded</source>
        <translation>❚❚ Tauko: mitään ei tallenneta</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Taltio: call recording</source>
        <translation>Taltio: puhelun tallennus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice language: {language}</source>
        <translation>Ilmoituksen kieli: {language}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asks about the recording</source>
        <translation>Asiakas kysyy tallennuksesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice given: start recording</source>
        <translation>Ilmoitus annettu: aloita tallennus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer declined</source>
        <translation>Asiakas kieltäytyi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private call</source>
        <translation>Yksityispuhelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause (card data)</source>
        <translation>Tauko (korttitiedot)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume recording</source>
        <translation>Jatka tallennusta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark agreement</source>
        <translation>Merkitse sopimus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a label to the last agreement mark</source>
        <translation>Lisää nimi viimeisimmälle sopimusmerkinnälle</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Incoming call {number}</source>
        <translation>Saapuva puhelu {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outgoing call {number}</source>
        <translation>Lähtevä puhelu {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call {number}</source>
        <translation>Puhelu {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>❚❚ On hold: nothing is recorded</source>
        <translation>❚❚ Pidossa: mitään ei tallenneta</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recording started on answer: read this to the customer now:</source>
        <translation>Tallennus alkoi vastattaessa: lue tämä asiakkaalle nyt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read this to the customer before recording:</source>
        <translation>Lue tämä asiakkaalle ennen tallennusta:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Agreement marked at {time}: {label}</source>
        <translation>Sopimus merkitty kohtaan {time}: {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change label…</source>
        <translation>Muuta nimeä…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreement marked at {time}</source>
        <translation>Sopimus merkitty kohtaan {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add label…</source>
        <translation>Lisää nimi…</translation>
    </message>
    <message>
        <source>✖ NOT recorded: recording failed</source>
        <translation>✖ EI tallenneta: tallennus epäonnistui</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/preferences.py" line="+54"/>
        <source>Set by your organisation</source>
        <translation>Organisaatiosi määrittämä</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Taltio: preferences</source>
        <translation>Taltio: asetukset</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The computer&apos;s language</source>
        <translation>Tietokoneen kieli</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not saved: {error}</source>
        <translation>Ei tallennettu: {error}</translation>
    </message>
</context>
<context>
    <name>StaffNoticeDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/staff_notice.py" line="+45"/>
        <source>Taltio: how your calls are recorded</source>
        <translation>Taltio: näin puhelusi tallennetaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please read how call recording works on this workstation.</source>
        <translation>Lue, miten puhelujen tallennus toimii tällä työasemalla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff notice text</source>
        <translation>Henkilöstötiedotteen teksti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have read this</source>
        <translation>Olen lukenut tämän</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge the staff notice</source>
        <translation>Kuittaa henkilöstötiedote luetuksi</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <location filename="../../desktop/taltio/ui/pill.py" line="+123"/>
        <source>Ready: no call</source>
        <translation>Valmis: ei puhelua</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>REC {time}</source>
        <translation>TALLENNUS {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PAUSED {time}</source>
        <translation>TAUKO {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} {time}</source>
        <translation>{label} {time}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>REC</source>
        <translation>TALLENNUS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PAUSED</source>
        <translation>TAUKO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PRIVATE – not recorded</source>
        <translation>YKSITYINEN – ei tallenneta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DECLINED – not recorded</source>
        <translation>KIELTÄYTYI – ei tallenneta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>READ NOTICE – not recording</source>
        <translation>LUE ILMOITUS – ei vielä tallenneta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WARNING</source>
        <translation>VAROITUS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ERROR</source>
        <translation>VIRHE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UPLOADING</source>
        <translation>LÄHETETÄÄN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LOCAL – not recording</source>
        <translation>PAIKALLINEN – ei tallenneta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT RECORDING</source>
        <translation>EI TALLENNETA</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taltio recording status</source>
        <translation>Taltio: tallennuksen tila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status symbol</source>
        <translation>Tilasymboli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording status</source>
        <translation>Tallennuksen tila</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Taltio: {text}</source>
        <translation>Taltio: {text}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taltio status: {short}</source>
        <translation>Taltion tila: {short}</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Aloita puhelu…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Lopeta puhelu</translation>
    </message>
    <message>
        <source>Call actions</source>
        <translation>Puhelun toiminnot</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../../desktop/taltio/ui/tray.py" line="+204"/>
        <source>Show call card</source>
        <translation>Näytä puhelukortti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next call is private</source>
        <translation>Seuraava puhelu on yksityinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio devices…</source>
        <translation>Äänilaitteet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by your organisation</source>
        <translation>Organisaatiosi määrittämä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Taltio…</source>
        <translation>Tietoja Taltiosta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Taltio</source>
        <translation>Lopeta Taltio</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taltio: {status}</source>
        <translation>Taltio: {status}</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Aloita puhelu…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Lopeta puhelu</translation>
    </message>
    <message>
        <source>Check this computer…</source>
        <translation>Tarkista tämä tietokone…</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location line="-114"/>
        <source>Show call card</source>
        <translation>Näytä puhelukortti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio devices…</source>
        <translation>Äänilaitteet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next call is private</source>
        <translation>Seuraava puhelu on yksityinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Taltio…</source>
        <translation>Tietoja Taltiosta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>Asetukset…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Kieli:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Language of Taltio&apos;s screens</source>
        <translation>Taltion näkymien kieli</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Set by your organisation</source>
        <translation>Organisaatiosi määrittämä</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Aloita puhelu…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Lopeta puhelu</translation>
    </message>
    <message>
        <source>Check this computer…</source>
        <translation>Tarkista tämä tietokone…</translation>
    </message>
</context>
<context>
    <name>TaltioApp</name>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="+174"/>
        <source>the policy {targets} has expired; it stays in force until a new version is published</source>
        <translation>käytäntö {targets} on vanhentunut; se pysyy voimassa, kunnes uusi versio julkaistaan</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+7"/>
        <source>none</source>
        <translation>ei mitään</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Taltio {version}</source>
        <translation>Taltio {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor policy in force: {policy}</source>
        <translation>Voimassa oleva esihenkilön käytäntö: {policy}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: {reason}</source>
        <translation>Hylätty: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machine policy: {source}</source>
        <translation>Koneen käytäntö: {source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Taltio</source>
        <translation>Tietoja Taltiosta</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Your organisation has set the language of Taltio; it cannot be changed here.</source>
        <translation>Organisaatiosi on määrittänyt Taltion kielen, eikä sitä voi muuttaa täällä.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language could not be saved: {error}</source>
        <translation>Kielivalintaa ei voitu tallentaa: {error}</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Agreement mark</source>
        <translation>Sopimusmerkintä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was agreed? (a few words; no card or customer numbers)</source>
        <translation>Mitä sovittiin? (muutama sana; ei kortti- tai asiakasnumeroita)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Private call</source>
        <translation>Yksityispuhelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this call private? (kept in the local log, never any audio)</source>
        <translation>Miksi puhelu on yksityinen? (Syy kirjataan vain tämän koneen lokiin, ääntä ei tallenneta.)</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>softphone: {state}</source>
        <translation>puhelinohjelma: {state}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not recording: configuration problem</source>
        <translation>Ei tallenneta: ongelma asetuksissa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording is switched off by your organisation</source>
        <translation>Organisaatiosi on kytkenyt tallennuksen pois päältä</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n recording(s) waiting for upload</source>
        <translation>
            <numerusform>%n tallenne odottaa lähetystä</numerusform>
            <numerusform>%n tallennetta odottaa lähetystä</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(oldest {age})</source>
        <translation>(vanhin {age})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last upload error: {error}</source>
        <translation>viimeisin lähetysvirhe: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a supervisor policy was refused: {reason}</source>
        <translation>esihenkilön käytäntö hylättiin: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Private call: NOT recorded</source>
        <translation>Yksityispuhelu: EI tallenneta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer declined: NOT recorded</source>
        <translation>Asiakas kieltäytyi: EI tallenneta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording failed</source>
        <translation>Tallennus epäonnistui</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording call {number} ({seconds} s)</source>
        <translation>Tallennetaan puhelua {number} ({seconds} s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call on hold: nothing is recorded</source>
        <translation>Puhelu pidossa: mitään ei tallenneta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call waiting: nothing is recorded</source>
        <translation>Koputus: mitään ei tallenneta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused {time}: nothing is recorded</source>
        <translation>Tauko {time}: mitään ei tallenneta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call active: read the notice; not recording yet</source>
        <translation>Puhelu käynnissä: lue ilmoitus; tallennus ei ole vielä alkanut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next call is private: it will not be recorded</source>
        <translation>Seuraava puhelu on yksityinen: sitä ei tallenneta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last call was private: not recorded</source>
        <translation>Edellinen puhelu oli yksityinen: ei tallennettu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last call declined: not recorded</source>
        <translation>Edellisessä puhelussa asiakas kieltäytyi: ei tallennettu</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n recording(s) waiting: storage unreachable</source>
        <translation>
            <numerusform>%n tallenne odottaa: tallennuspaikkaan ei saada yhteyttä</numerusform>
            <numerusform>%n tallennetta odottaa: tallennuspaikkaan ei saada yhteyttä</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Uploading %n recording(s)</source>
        <translation>
            <numerusform>Lähetetään %n tallenne</numerusform>
            <numerusform>Lähetetään %n tallennetta</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved to {place}</source>
        <translation>Tallennuspaikka: {place}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standalone: recordings stay on this computer</source>
        <translation>Erillistila: tallenteet jäävät tälle tietokoneelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting: not recording yet</source>
        <translation>Käynnistyy: ei vielä tallenna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready: no call</source>
        <translation>Valmis: ei puhelua</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>Aloita puhelu</translation>
    </message>
    <message>
        <source>The customer&apos;s number (optional). The notice card opens next, as for any call.</source>
        <translation>Asiakkaan numero (valinnainen). Sen jälkeen avautuu puhelukortti, kuten missä tahansa puhelussa.</translation>
    </message>
    <message>
        <source>Recording does not pause by itself on this desktop when the payment window opens: press Pause while card details are given.</source>
        <translation>Tallennus ei tällä työpöydällä pysähdy itsestään, kun maksuikkuna avautuu: paina Tauko, kun korttitietoja annetaan.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop/taltio/core/controller.py" line="+32"/>
        <source>no active call with id &apos;{call}&apos;</source>
        <translation>tunnuksella &apos;{call}&apos; ei ole käynnissä olevaa puhelua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} calls are active and &apos;{event}&apos; does not say which: pass --call-id ID or --number N</source>
        <translation>{count} puhelua on käynnissä, eikä &apos;{event}&apos; kerro mitä niistä: anna --call-id ID tai --number N</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>no active call with number {number}</source>
        <translation>numerosta {number} ei ole käynnissä olevaa puhelua</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} active calls have the number {number}: pass --call-id ID</source>
        <translation>{count} käynnissä olevalla puhelulla on numero {number}: anna --call-id ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{event}&apos; needs an active call, and there is none</source>
        <translation>&apos;{event}&apos; vaatii käynnissä olevan puhelun, eikä sellaista ole</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>unknown language &apos;{language}&apos;; use one of {languages}</source>
        <translation>tuntematon kieli &apos;{language}&apos;; käytä jotakin näistä: {languages}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Paused for {paused}: resume when the card details are done; recording resumes by itself at {limit}</source>
        <translation>Tauko jatkunut {paused}: jatka tallennusta, kun korttitiedot on annettu; tallennus jatkuu itsestään ajassa {limit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused for {paused}: resume when the card details are done</source>
        <translation>Tauko jatkunut {paused}: jatka tallennusta, kun korttitiedot on annettu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>your organisation does not allow marking calls private; every call is recorded</source>
        <translation>organisaatiosi ei salli puheluiden merkitsemistä yksityisiksi; jokainen puhelu tallennetaan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this number is a business line: its calls cannot be marked private</source>
        <translation>tämä numero on työlinja: sen puheluita ei voi merkitä yksityisiksi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give a short reason to mark this call private (taltio hook private --reason TEXT)</source>
        <translation>anna lyhyt syy, jotta puhelun voi merkitä yksityiseksi (taltio hook private --reason TEKSTI)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>you have marked {count} calls private today, the most your organisation allows</source>
        <translation>olet merkinnyt tänään {count} puhelua yksityiseksi, mikä on organisaatiosi sallima enimmäismäärä</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>call id &apos;{call}&apos; was already used for an ended call</source>
        <translation>puhelutunnus &apos;{call}&apos; on jo käytetty päättyneelle puhelulle</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Not recording: the calls waiting for upload fill this computer&apos;s quota ({used} of {quota} MB); recording resumes when uploads make room: check the network</source>
        <translation>Ei tallenneta: lähetystä odottavat puhelut täyttävät tämän koneen kiintiön ({used}/{quota} Mt); tallennus jatkuu, kun lähetykset vapauttavat tilaa: tarkista verkkoyhteys</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>new calls will not be recorded when it is full</source>
        <translation>uusia puheluita ei tallenneta, kun se on täynnä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recording continues</source>
        <translation>tallennus jatkuu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload queue nearly full: {used} of {quota} MB wait for upload; {then}</source>
        <translation>Lähetysjono on lähes täynnä: {used}/{quota} Mt odottaa lähetystä; {then}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s disk is full ({free} KB free): recordings cannot be saved until disk space is freed</source>
        <translation>Tietokoneen levy on täynnä ({free} kt vapaana): tallenteita ei voi tallentaa ennen kuin levytilaa vapautetaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recording: this computer&apos;s disk is full ({free} KB free); recording resumes when disk space is freed</source>
        <translation>Ei tallenna: tietokoneen levy on täynnä ({free} kt vapaana); tallennus jatkuu, kun levytilaa vapautetaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save this call&apos;s audio: the disk is full. It is kept in memory until there is room: free disk space now</source>
        <translation>Puhelun ääntä ei voi tallentaa: levy on täynnä. Ääni pidetään muistissa, kunnes tilaa on: vapauta levytilaa nyt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save this call&apos;s audio ({error}): it is kept in memory until it can be saved</source>
        <translation>Puhelun ääntä ei voi tallentaa ({error}): ääni pidetään muistissa, kunnes sen voi tallentaa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Uploads are behind: {count} calls waiting, the oldest for {age}; check the network</source>
        <translation>Lähetykset ovat jäljessä: {count} puhelua odottaa, vanhin {age}; tarkista verkkoyhteys</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>your microphone</source>
        <translation>mikrofonisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer&apos;s side</source>
        <translation>asiakkaan puoli</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>switching to the fallback device</source>
        <translation>vaihdetaan varalaitteeseen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for it to return</source>
        <translation>odotetaan laitteen palaamista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not hearing {side}: &apos;{device}&apos; stopped ({cause}); {then}</source>
        <translation>Ei kuulu ({side}): &apos;{device}&apos; pysähtyi ({cause}); {then}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hearing {side} through the fallback &apos;{device}&apos; until &apos;{preferred}&apos; returns</source>
        <translation>Varalaite käytössä ({side}): &apos;{device}&apos;, kunnes &apos;{preferred}&apos; palaa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your microphone has been silent for {seconds} s: check the headset and the call</source>
        <translation>Mikrofonistasi ei ole kuulunut mitään {seconds} s: tarkista kuulokkeet ja puhelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer has been silent for {seconds} s: check the headset and the call</source>
        <translation>Asiakkaasta ei ole kuulunut mitään {seconds} s: tarkista kuulokkeet ja puhelu</translation>
    </message>
    <message>
        <source>The computer is too busy: {side} fell {ms} ms out of step and was lined up again; the recording&apos;s manifest notes it</source>
        <translation>Tietokone on liian kuormitettu: {side} joutui {ms} ms pois tahdista ja tahdistettiin uudelleen; tallenteen manifestiin on merkitty tämä</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/capture.py" line="+183"/>
        <source>no audio from the device for 0.5 s</source>
        <translation>laitteesta ei ole tullut ääntä 0,5 sekuntiin</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the device delivered no audio</source>
        <translation>laite ei antanut ääntä</translation>
    </message>
    <message>
        <source>the call ended before the device delivered audio</source>
        <translation>puhelu päättyi ennen kuin laite antoi ääntä</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>could not start: {error}</source>
        <translation>ei käynnistynyt: {error}</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>switching back to &apos;{device}&apos;</source>
        <translation>vaihdetaan takaisin laitteeseen &apos;{device}&apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/session.py" line="+98"/>
        <source>call {call} is {state}; cannot go to {target}</source>
        <translation>puhelun {call} tila on {state}; siirtyminen tilaan {target} ei ole mahdollista</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+19"/>
        <source>call {call} is marked {outcome}; it will not be recorded</source>
        <translation>puhelu {call} on merkitty: {outcome}; sitä ei tallenneta</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>the call is not answered yet; give the notice once the customer is on the line</source>
        <translation>puheluun ei ole vielä vastattu; anna ilmoitus, kun asiakas on linjalla</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>call {call} is not recording; nothing to pause</source>
        <translation>puhelua {call} ei tallenneta; ei mitään keskeytettävää</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>call {call} is not paused</source>
        <translation>puhelu {call} ei ole tauolla</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>call {call} is not being recorded; nothing to bookmark</source>
        <translation>puhelua {call} ei tallenneta; ei mitään merkittävää</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the call has ended; its agreement mark was kept without a label</source>
        <translation>puhelu on päättynyt; sopimusmerkintä säilytettiin ilman nimeä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>call {call} has no agreement mark to label</source>
        <translation>puhelussa {call} ei ole nimettävää sopimusmerkintää</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the call is private; nothing is recorded anyway</source>
        <translation>puhelu on yksityinen; mitään ei tallenneta</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="-252"/>
        <source>Taltio cannot record: {problem}</source>
        <translation>Taltio ei voi tallentaa: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/events.py" line="+94"/>
        <source>&apos;{value}&apos; is not a phone number (digits, optional leading +)</source>
        <translation>&apos;{value}&apos; ei ole puhelinnumero (numeroita, alussa mahdollisesti +)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>unknown event &apos;{event}&apos;; expected one of: {events}</source>
        <translation>tuntematon tapahtuma &apos;{event}&apos;; odotettiin jotakin näistä: {events}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a call id or number must be text</source>
        <translation>puhelun tunnuksen ja numeron on oltava tekstiä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a label, reason or queue must be text</source>
        <translation>nimen, syyn tai jonon on oltava tekstiä</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/policy.py" line="+220"/>
        <source>The {target} policy has no signature. Ask the supervisor to sign it (taltio-admin policy sign) and publish it again.</source>
        <translation>Käytännöllä {target} ei ole allekirjoitusta. Pyydä esihenkilöä allekirjoittamaan se (taltio-admin policy sign) ja julkaisemaan se uudelleen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>The {target} policy&apos;s signature is not an SSH signature ({detail}). Ask the supervisor to sign and publish it again.</source>
        <translation>Käytännön {target} allekirjoitus ei ole SSH-allekirjoitus ({detail}). Pyydä esihenkilöä allekirjoittamaan ja julkaisemaan se uudelleen.</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+57"/>
        <source>The {target} policy&apos;s {part} is cut short (truncated). Publish it again; if it keeps happening, check the storage and the network.</source>
        <translation>Käytännön {target} osa {part} on katkennut kesken. Julkaise se uudelleen; jos tämä toistuu, tarkista tallennuspaikka ja verkko.</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The {target} policy does not match its signature: it was changed after it was signed, or the signature belongs to another document. Ask the supervisor to sign and publish it again.</source>
        <translation>Käytäntö {target} ei vastaa allekirjoitustaan: sitä on muutettu allekirjoituksen jälkeen, tai allekirjoitus kuuluu toiseen asiakirjaan. Pyydä esihenkilöä allekirjoittamaan ja julkaisemaan se uudelleen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The {target} policy is signed by a key this workstation does not trust ({key}). IT lists the supervisors&apos; keys in policy.allowed_signers.</source>
        <translation>Käytäntö {target} on allekirjoitettu avaimella, johon tämä työasema ei luota ({key}). IT määrittää esihenkilöiden avaimet asetuksessa policy.allowed_signers.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+135"/>
        <source>The {target} policy is not a valid policy document ({detail}). Create it with taltio-admin policy new/edit and publish it again.</source>
        <translation>Käytäntö {target} ei ole kelvollinen käytäntöasiakirja ({detail}). Luo se komennolla taltio-admin policy new/edit ja julkaise se uudelleen.</translation>
    </message>
    <message>
        <location line="-130"/>
        <location line="+55"/>
        <location line="+45"/>
        <source>The {target} policy gives &apos;{key}&apos; a wrong value: it must be {expected}, not {actual}. Fix it with taltio-admin policy edit and publish it again.</source>
        <translation>Käytäntö {target} antaa asetukselle &apos;{key}&apos; väärän arvon: sen on oltava {expected}, ei {actual}. Korjaa se komennolla taltio-admin policy edit ja julkaise se uudelleen.</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>The {target} policy has a field this version of Taltio does not know: &apos;{key}&apos;. Remove it (or update Taltio) and publish it again.</source>
        <translation>Käytännössä {target} on kenttä, jota tämä Taltion versio ei tunne: &apos;{key}&apos;. Poista se (tai päivitä Taltio) ja julkaise käytäntö uudelleen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The {target} policy&apos;s version must be a whole number from 1 to {max}.</source>
        <translation>Käytännön {target} version on oltava kokonaisluku väliltä 1–{max}.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The {target} policy sets &apos;{key}&apos;, which is not a setting this version of Taltio knows (see docs/configuration.md). Remove it and publish it again.</source>
        <translation>Käytäntö {target} asettaa arvon &apos;{key}&apos;, joka ei ole tämän Taltion version tuntema asetus (katso docs/configuration.md). Poista se ja julkaise käytäntö uudelleen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {target} policy sets &apos;{key}&apos;, which only IT may set (machine policy), never a supervisor policy. Remove it and publish it again.</source>
        <translation>Käytäntö {target} asettaa arvon &apos;{key}&apos;, jonka vain IT voi asettaa (koneen käytäntö), ei koskaan esihenkilön käytäntö. Poista se ja julkaise käytäntö uudelleen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The {target} policy gives &apos;{key}&apos; a value it cannot use: {detail}. Fix it with taltio-admin policy edit and publish it again.</source>
        <translation>Käytäntö {target} antaa asetukselle &apos;{key}&apos; arvon, jota ei voi käyttää: {detail}. Korjaa se komennolla taltio-admin policy edit ja julkaise se uudelleen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The policy published as {target} is written for {actual}. Publish each document under its own target&apos;s name (taltio-admin policy publish does).</source>
        <translation>Nimellä {target} julkaistu käytäntö on tehty kohteelle {actual}. Julkaise jokainen asiakirja oman kohteensa nimellä (taltio-admin policy publish tekee niin).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The {target} policy has version {version}, but version {current} is already in force: this is an older or a different copy. Publish changes with a higher version (taltio-admin policy new or edit raise it).</source>
        <translation>Käytännön {target} versio on {version}, mutta versio {current} on jo voimassa: tämä on vanhempi tai eri kopio. Julkaise muutokset suuremmalla versiolla (taltio-admin policy new tai edit nostaa sitä).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The {target} policy expired at {expires_at}. The supervisor must publish a new version (or check this computer&apos;s clock).</source>
        <translation>Käytäntö {target} vanheni {expires_at}. Esihenkilön on julkaistava uusi versio (tai tarkista tämän koneen kello).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {target} policy is issued in the future ({issued_at}). Check this computer&apos;s clock and the supervisor&apos;s.</source>
        <translation>Käytännön {target} myöntämisaika on tulevaisuudessa ({issued_at}). Tarkista tämän koneen ja esihenkilön koneen kellot.</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/policy_sync.py" line="+96"/>
        <location line="+5"/>
        <source>The saved {target} policy on this computer was changed; it is no longer applied. The next fetch from storage replaces it.</source>
        <translation>Tälle koneelle tallennettua käytäntöä {target} on muutettu; sitä ei enää käytetä. Seuraava haku tallennuspaikasta korvaa sen.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The {target} policy in force (version {version}) is no longer in storage. It stays in force; to withdraw settings, publish a new version without them.</source>
        <translation>Voimassa oleva käytäntö {target} (versio {version}) ei ole enää tallennuspaikassa. Se pysyy voimassa; poistaaksesi asetuksia julkaise uusi versio ilman niitä.</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/adapters/audio_portaudio.py" line="+37"/>
        <location filename="../../desktop/taltio/adapters/audio_pulse.py" line="+63"/>
        <source>unplugged, or the audio server restarted</source>
        <translation>irrotettu, tai äänipalvelin käynnistyi uudelleen</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a shortcut: write keys joined by +, e.g. Ctrl+Alt+Shift+S</source>
        <translation>&apos;{text}&apos; ei ole pikanäppäin: kirjoita näppäimet +-merkillä yhdistettyinä, esim. Ctrl+Alt+Shift+S</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; in &apos;{text}&apos; is not a modifier: use Ctrl, Alt, Shift or Meta</source>
        <translation>&apos;{part}&apos; pikanäppäimessä &apos;{text}&apos; ei ole muuntonäppäin: käytä Ctrl-, Alt-, Shift- tai Meta-näppäintä</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; in &apos;{text}&apos; is not a key a shortcut can use: a letter, a digit, F1-F24, or one of {named}</source>
        <translation>&apos;{key}&apos; pikanäppäimessä &apos;{text}&apos; ei käy pikanäppäimeksi: käytä kirjainta, numeroa, näppäimiä F1-F24 tai jotakin näistä: {named}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; would take the key from every program the agent types in: add Ctrl, Alt or Meta</source>
        <translation>&apos;{text}&apos; veisi näppäimen kaikilta ohjelmilta, joihin asiakaspalvelija kirjoittaa: lisää Ctrl, Alt tai Meta</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>Aloita puhelu</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Lopeta puhelu</translation>
    </message>
    <message>
        <source>The shortcut {keys} ({action}) is used by another program: choose another in Preferences.</source>
        <translation>Pikanäppäin {keys} ({action}) on toisen ohjelman käytössä: valitse toinen Asetuksista.</translation>
    </message>
    <message>
        <source>The shortcut {keys} ({action}) names a key this keyboard does not have: choose another in Preferences.</source>
        <translation>Pikanäppäimen {keys} ({action}) näppäintä ei ole tässä näppäimistössä: valitse toinen Asetuksista.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts for calls do not work on this desktop: use the tray menu or the status pill.</source>
        <translation>Puheluiden pikanäppäimet eivät toimi tällä työpöydällä: käytä ilmoitusalueen valikkoa tai tilapilleriä.</translation>
    </message>
    <message>
        <source>{path} already exists with other content; refusing to overwrite</source>
        <translation>{path} on jo olemassa eri sisällöllä; sitä ei korvata</translation>
    </message>
    <message>
        <source>copy to {path} did not verify (checksum differs)</source>
        <translation>kopio kohteeseen {path} ei täsmännyt (tarkistussumma eroaa)</translation>
    </message>
    <message>
        <source>cannot write to {path}: {error}</source>
        <translation>kohteeseen {path} ei voi kirjoittaa: {error}</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>kohdetta {path} ei voi lukea: {error}</translation>
    </message>
    <message>
        <source>folder {path} is not writable: {error}</source>
        <translation>kansioon {path} ei voi kirjoittaa: {error}</translation>
    </message>
    <message>
        <source>cannot write {key} to {path}: {error}</source>
        <translation>kohdetta {key} ei voi kirjoittaa kansioon {path}: {error}</translation>
    </message>
    <message>
        <source>cannot read {key} from {path}: {error}</source>
        <translation>kohdetta {key} ei voi lukea kansiosta {path}: {error}</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} cannot be read ({error}); put the organisation's CA certificate (PEM) there or fix the setting</source>
        <translation>storage.ca_bundle {path} ei ole luettavissa ({error}); tallenna organisaation CA-varmenne (PEM) siihen tai korjaa asetus</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} holds no PEM certificate (no '-----BEGIN CERTIFICATE-----'); export the CA as PEM (Base64), not DER</source>
        <translation>storage.ca_bundle {path} ei sisällä PEM-varmennetta (ei riviä '-----BEGIN CERTIFICATE-----'); vie CA PEM-muodossa (Base64), ei DER-muodossa</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} is not a usable PEM CA file ({error})</source>
        <translation>storage.ca_bundle {path} ei ole käyttökelpoinen PEM-muotoinen CA-tiedosto ({error})</translation>
    </message>
    <message>
        <source>cannot reach storage at {where} through proxy {proxy} ({reason}): check storage.proxy (or HTTPS_PROXY / NO_PROXY)</source>
        <translation>tallennuspaikkaan {where} ei saada yhteyttä välityspalvelimen {proxy} kautta ({reason}): tarkista storage.proxy (tai HTTPS_PROXY / NO_PROXY)</translation>
    </message>
    <message>
        <source>storage at {where} did not answer in time (connect timeout): check the network and storage.proxy</source>
        <translation>tallennuspaikka {where} ei vastannut ajoissa (yhteyden aikakatkaisu): tarkista verkko ja storage.proxy</translation>
    </message>
    <message>
        <source>storage at {where} stopped answering (read timeout)</source>
        <translation>tallennuspaikka {where} lakkasi vastaamasta (lukemisen aikakatkaisu)</translation>
    </message>
    <message>
        <source>storage unreachable at {where}: cannot connect ({reason})</source>
        <translation>tallennuspaikka {where} ei ole tavoitettavissa: yhteyttä ei saada ({reason})</translation>
    </message>
    <message>
        <source>storage at {where} closed the connection mid-request</source>
        <translation>tallennuspaikka {where} katkaisi yhteyden kesken pyynnön</translation>
    </message>
    <message>
        <source>storage unreachable at {where}: {reason}</source>
        <translation>tallennuspaikka {where} ei ole tavoitettavissa: {reason}</translation>
    </message>
    <message>
        <source>storage at {where} presented a certificate for another name (CERTIFICATE_VERIFY_FAILED: {reason}): storage.endpoint must use a host name the certificate lists</source>
        <translation>tallennuspaikan {where} varmenne on myönnetty toiselle nimelle (CERTIFICATE_VERIFY_FAILED: {reason}): storage.endpoint-asetuksessa on käytettävä varmenteessa lueteltua palvelinnimeä</translation>
    </message>
    <message>
        <source>storage at {where} presented an expired certificate (CERTIFICATE_VERIFY_FAILED: {reason}): renew it on the storage (or check this computer's clock)</source>
        <translation>tallennuspaikan {where} varmenne on vanhentunut (CERTIFICATE_VERIFY_FAILED: {reason}): uusi se tallennuspaikassa (tai tarkista tämän tietokoneen kello)</translation>
    </message>
    <message>
        <source>storage at {where} presented a certificate this computer does not trust (CERTIFICATE_VERIFY_FAILED: {reason}): set storage.ca_bundle to your organisation's CA, or install it in the OS trust store (if a proxy inspects TLS, it is the proxy's CA)</source>
        <translation>tallennuspaikan {where} varmenteeseen tämä tietokone ei luota (CERTIFICATE_VERIFY_FAILED: {reason}): aseta storage.ca_bundle organisaatiosi CA:han tai asenna CA käyttöjärjestelmän luotettuihin varmenteisiin (jos välityspalvelin tarkastaa TLS-liikenteen, kyse on sen CA:sta)</translation>
    </message>
    <message>
        <source>TLS handshake with storage at {where} failed ({reason}): check that storage.endpoint has the right scheme (https://) and port, and storage.proxy</source>
        <translation>TLS-kättely tallennuspaikan {where} kanssa epäonnistui ({reason}): tarkista, että storage.endpoint-asetuksessa on oikea protokolla (https://) ja portti, sekä storage.proxy</translation>
    </message>
    <message>
        <source>the host name is not known (DNS)</source>
        <translation>palvelinnimeä ei tunneta (DNS)</translation>
    </message>
    <message>
        <source>no S3 credentials: set storage.access_key_id and store the secret with `taltio enroll` (or TALTIO_S3_SECRET)</source>
        <translation>S3-tunnukset puuttuvat: aseta storage.access_key_id ja tallenna salainen avain komennolla `taltio enroll` (tai TALTIO_S3_SECRET)</translation>
    </message>
    <message>
        <source>{storage} stored an object that did not match its checksum: nothing more is uploaded, and every local copy is kept, until IT checks the storage (it must verify x-amz-checksum-sha256)</source>
        <translation>{storage} tallensi objektin, joka ei vastannut tarkistussummaansa: mitään ei lähetetä eikä yhtään paikallista kopiota poisteta ennen kuin IT-tuki tarkistaa tallennuspaikan (sen on tarkistettava x-amz-checksum-sha256)</translation>
    </message>
    <message>
        <source>cannot read {file} for upload: {error}</source>
        <translation>tiedostoa {file} ei voi lukea lähetettäväksi: {error}</translation>
    </message>
    <message>
        <source>the signature of {file} is unreadable ({error}); it cannot be uploaded</source>
        <translation>tiedoston {file} allekirjoitus ei ole luettavissa ({error}); sitä ei voi lähettää</translation>
    </message>
    <message>
        <source>storage stored {key} with a different checksum</source>
        <translation>tallennuspaikka tallensi kohteen {key} eri tarkistussummalla</translation>
    </message>
    <message>
        <source>storage gave no upload id for {file} (the answer was cut off); retrying</source>
        <translation>tallennuspaikka ei antanut lähetystunnusta tiedostolle {file} (vastaus katkesi); yritetään uudelleen</translation>
    </message>
    <message>
        <source>storage assembled {file} with a different checksum</source>
        <translation>tallennuspaikka kokosi tiedoston {file} eri tarkistussummalla</translation>
    </message>
    <message>
        <source>storage accepted an object that did not match its checksum ({key}); it cannot be trusted with recordings</source>
        <translation>tallennuspaikka hyväksyi objektin, joka ei vastannut tarkistussummaansa ({key}); sille ei voi uskoa tallenteita</translation>
    </message>
    <message>
        <source>storage refused {file}: {code}; {hint}</source>
        <translation>tallennuspaikka hylkäsi tiedoston {file}: {code}; {hint}</translation>
    </message>
    <message>
        <source>storage refused {file}: {code}</source>
        <translation>tallennuspaikka hylkäsi tiedoston {file}: {code}</translation>
    </message>
    <message>
        <source>{storage} refused a test write ({code}); check the access key and its policy</source>
        <translation>{storage} hylkäsi testikirjoituksen ({code}); tarkista käyttöavain ja sen oikeudet</translation>
    </message>
    <message>
        <source>the agent's key needs s3:PutObject on {arn}</source>
        <translation>asiakaspalvelijan avaimella on oltava s3:PutObject-oikeus kohteeseen {arn}</translation>
    </message>
    <message>
        <source>create the fleet bucket {bucket} (no Object Lock) or set fleet.bucket</source>
        <translation>luo tilaämpäri {bucket} (ilman Object Lockia) tai aseta fleet.bucket</translation>
    </message>
    <message>
        <source>s3://{bucket} refused {key}: {code}</source>
        <translation>s3://{bucket} hylkäsi kohteen {key}: {code}</translation>
    </message>
    <message>
        <source>the agent's key needs s3:GetObject on {arn}</source>
        <translation>asiakaspalvelijan avaimella on oltava s3:GetObject-oikeus kohteeseen {arn}</translation>
    </message>
    <message>
        <source>bucket {bucket} does not exist; check policy.url</source>
        <translation>ämpäriä {bucket} ei ole; tarkista policy.url</translation>
    </message>
    <message>
        <source>s3://{bucket} refused reading {key}: {code}</source>
        <translation>s3://{bucket} esti kohteen {key} lukemisen: {code}</translation>
    </message>
    <message>
        <source>this computer's access key may not write there: ask IT to check its storage policy</source>
        <translation>tämän tietokoneen käyttöavain ei saa kirjoittaa sinne: pyydä IT-tukea tarkistamaan sen tallennusoikeudet</translation>
    </message>
    <message>
        <source>storage does not know this computer's access key: ask IT to enrol the computer again</source>
        <translation>tallennuspaikka ei tunne tämän tietokoneen käyttöavainta: pyydä IT-tukea rekisteröimään tietokone uudelleen</translation>
    </message>
    <message>
        <source>the stored secret does not match the access key: ask IT to enrol the computer again</source>
        <translation>tallennettu salainen avain ei vastaa käyttöavainta: pyydä IT-tukea rekisteröimään tietokone uudelleen</translation>
    </message>
    <message>
        <source>the bucket does not exist: check storage.url</source>
        <translation>ämpäriä ei ole: tarkista storage.url</translation>
    </message>
    <message>
        <source>this computer's clock is wrong: set the date and time</source>
        <translation>tämän tietokoneen kello on väärässä: aseta päivämäärä ja aika</translation>
    </message>
    <message>
        <source>{problem}; {hint}</source>
        <translation>{problem}; {hint}</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>yhteys torjuttiin</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>yhteys katkaistiin</translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation>verkkoon ei saada yhteyttä</translation>
    </message>
    <message>
        <source>the host is unreachable</source>
        <translation>palvelimeen ei saada yhteyttä</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>yhteys aikakatkaistiin</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>levy on täynnä</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>levykiintiö on käytetty loppuun</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>käyttöoikeus puuttuu</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>levy on vain luku -tilassa</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>tiedostoa tai kansiota ei ole</translation>
    </message>
    <message>
        <source>a file is where a folder should be</source>
        <translation>kansion paikalla on tiedosto</translation>
    </message>
    <message>
        <source>a file of that name exists</source>
        <translation>samanniminen tiedosto on jo olemassa</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>levy ilmoitti luku- tai kirjoitusvirheestä</translation>
    </message>
    <message>
        <source>recording did not start: {reason}</source>
        <translation>tallennus ei alkanut: {reason}</translation>
    </message>
    <message>
        <source>cannot start recording: {error}</source>
        <translation>tallennusta ei voi aloittaa: {error}</translation>
    </message>
    <message>
        <source>{path} is missing from the local queue; it cannot be uploaded</source>
        <translation>{path} puuttuu paikallisesta jonosta; sitä ei voi lähettää</translation>
    </message>
    <message>
        <source>cannot read {file} of call {call}: {error}</source>
        <translation>puhelun {call} tiedostoa {file} ei voi lukea: {error}</translation>
    </message>
    <message>
        <source>unexpected error while uploading: {error}</source>
        <translation>odottamaton virhe lähetyksessä: {error}</translation>
    </message>
    <message>
        <source>process taps need macOS 14.2 or later and the 'catap' package</source>
        <translation>prosessikaappaus vaatii macOS 14.2:n tai uudemman ja 'catap'-paketin</translation>
    </message>
    <message>
        <source>the process tap on '{program}'</source>
        <translation>ohjelman '{program}' prosessikaappaus</translation>
    </message>
    <message>
        <source>'{program}' is not running; start the softphone first</source>
        <translation>'{program}' ei ole käynnissä; käynnistä ensin ohjelmistopuhelin</translation>
    </message>
    <message>
        <source>cannot tap '{program}': {error}</source>
        <translation>ohjelman '{program}' ääntä ei voi kaapata: {error}</translation>
    </message>
    <message>
        <source>audio device '{device}' is not connected</source>
        <translation>äänilaite '{device}' ei ole kytkettynä</translation>
    </message>
    <message>
        <source>cannot open '{device}' at {rate} Hz: {error}</source>
        <translation>laitetta '{device}' ei voi avata taajuudella {rate} Hz: {error}</translation>
    </message>
    <message>
        <source>the Core Audio backend runs only on macOS</source>
        <translation>Core Audio -taustaosa toimii vain macOS:ssä</translation>
    </message>
    <message>
        <source>Core Audio capture needs the 'sounddevice' package: {error}</source>
        <translation>Core Audio -kaappaus tarvitsee 'sounddevice'-paketin: {error}</translation>
    </message>
    <message>
        <source>audio system unavailable: {error}</source>
        <translation>äänijärjestelmä ei ole käytettävissä: {error}</translation>
    </message>
    <message>
        <source>'{device}' is not connected</source>
        <translation>'{device}' ei ole kytkettynä</translation>
    </message>
    <message>
        <source>cannot open '{device}': {error}</source>
        <translation>laitetta '{device}' ei voi avata: {error}</translation>
    </message>
    <message>
        <source>libpulse-simple is missing ({error}); install libpulse0</source>
        <translation>libpulse-simple puuttuu ({error}); asenna libpulse0</translation>
    </message>
    <message>
        <source>cannot reach the audio server (PipeWire/PulseAudio): {error}</source>
        <translation>äänipalvelimeen (PipeWire/PulseAudio) ei saada yhteyttä: {error}</translation>
    </message>
    <message>
        <source>cannot start {device}: {error}</source>
        <translation>laitetta {device} ei voi käynnistää: {error}</translation>
    </message>
    <message>
        <source>no audio from {device} within {seconds} s of opening it</source>
        <translation>laitteesta {device} ei tullut ääntä {seconds} sekunnin kuluessa avaamisesta</translation>
    </message>
    <message>
        <source>no audio from {device} for {seconds} s</source>
        <translation>laitteesta {device} ei ole tullut ääntä {seconds} sekuntiin</translation>
    </message>
    <message>
        <source>the loopback of '{device}'</source>
        <translation>laitteen '{device}' takaisinkytkentä</translation>
    </message>
    <message>
        <source>the WASAPI backend runs only on Windows</source>
        <translation>WASAPI-taustaosa toimii vain Windowsissa</translation>
    </message>
    <message>
        <source>WASAPI capture needs the 'soundcard' package: {error}</source>
        <translation>WASAPI-kaappaus tarvitsee 'soundcard'-paketin: {error}</translation>
    </message>
    <message>
        <source>baresip at {where} unreachable ({error})</source>
        <translation>baresip osoitteessa {where} ei ole tavoitettavissa ({error})</translation>
    </message>
    <message>
        <source>connected to baresip at {where}</source>
        <translation>yhteys baresipiin osoitteessa {where}</translation>
    </message>
    <message>
        <source>baresip connection lost ({error})</source>
        <translation>yhteys baresipiin katkesi ({error})</translation>
    </message>
    <message>
        <source>baresip closed the control connection</source>
        <translation>baresip sulki ohjausyhteyden</translation>
    </message>
    <message>
        <source>{reason}; {count} call(s) in progress are kept for {kept} s; retrying in {delay} s</source>
        <translation>{reason}; käynnissä olevia puheluita ({count}) pidetään {kept} s; yritetään uudelleen {delay} sekunnin kuluttua</translation>
    </message>
    <message>
        <source>{reason}; retrying in {delay} s</source>
        <translation>{reason}; yritetään uudelleen {delay} sekunnin kuluttua</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>ei käynnistetty</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>pysäytetty</translation>
    </message>
    <message>
        <source>Bria not reachable at {where} ({error}); retrying</source>
        <translation>Bria ei ole tavoitettavissa osoitteessa {where} ({error}); yritetään uudelleen</translation>
    </message>
    <message>
        <source>connected to Bria at {where}</source>
        <translation>yhteys Briaan osoitteessa {where}</translation>
    </message>
    <message>
        <source>Bria closed the API connection; reconnecting</source>
        <translation>Bria sulki API-yhteyden; yhdistetään uudelleen</translation>
    </message>
    <message>
        <source>Bria connection lost ({error}); reconnecting</source>
        <translation>yhteys Briaan katkesi ({error}); yhdistetään uudelleen</translation>
    </message>
    <message>
        <source>waiting for `taltio hook` commands</source>
        <translation>odotetaan `taltio hook` -komentoja</translation>
    </message>
    <message>
        <source>linphone-daemon not reachable at {where} ({error}); retrying</source>
        <translation>linphone-daemon ei ole tavoitettavissa osoitteessa {where} ({error}); yritetään uudelleen</translation>
    </message>
    <message>
        <source>linphone-daemon at {where}: {problem}; reconnecting</source>
        <translation>linphone-daemon osoitteessa {where}: {problem}; yhdistetään uudelleen</translation>
    </message>
    <message>
        <source>linphone-daemon at {where} dropped the connection ({error}; another client connected?); retrying</source>
        <translation>linphone-daemon osoitteessa {where} katkaisi yhteyden ({error}; yhdistikö toinen ohjelma?); yritetään uudelleen</translation>
    </message>
    <message>
        <source>connected to linphone-daemon at {where}</source>
        <translation>yhteys linphone-daemoniin osoitteessa {where}</translation>
    </message>
    <message>
        <source>the daemon closed the connection (another client connected?)</source>
        <translation>palvelu sulki yhteyden (yhdistikö toinen ohjelma?)</translation>
    </message>
    <message>
        <source>the daemon floods the connection</source>
        <translation>palvelu tulvii yhteyden täyteen dataa</translation>
    </message>
    <message>
        <source>no answer to '{command}' within {seconds} s</source>
        <translation>komentoon '{command}' ei tullut vastausta {seconds} sekunnissa</translation>
    </message>
    <message>
        <source>connection closed by the daemon</source>
        <translation>palvelu sulki yhteyden</translation>
    </message>
    <message>
        <source>an oversized answer</source>
        <translation>liian suuri vastaus</translation>
    </message>
    <message>
        <source>microphone</source>
        <translation>mikrofoni</translation>
    </message>
    <message>
        <source>loopback device</source>
        <translation>takaisinkytkentälaite</translation>
    </message>
    <message>
        <source>no {device} configured and none found</source>
        <translation>asetuksissa ei ole valittu laitetta ({device}), eikä sellaista löytynyt</translation>
    </message>
    <message>
        <source>{device} '{spec}' matches several devices; available: {available}</source>
        <translation>{device} '{spec}' vastaa useaa laitetta; saatavilla: {available}</translation>
    </message>
    <message>
        <source>{device} '{spec}' was not found; available: {available}</source>
        <translation>{device} '{spec}': laitetta ei löytynyt; saatavilla: {available}</translation>
    </message>
    <message>
        <source>{device} '{spec}' was not found, and there is none at all</source>
        <translation>{device} '{spec}': laitetta ei löytynyt, eikä yhtään tällaista laitetta ole</translation>
    </message>
    <message>
        <source>no OS keyring is available (on Linux, start a Secret Service such as gnome-keyring or KWallet); Taltio will not keep private keys in plain files</source>
        <translation>käyttöjärjestelmän avainnippua ei ole käytettävissä (Linuxissa käynnistä Secret Service -palvelu, kuten gnome-keyring tai KWallet); Taltio ei säilytä yksityisiä avaimia tavallisissa tiedostoissa</translation>
    </message>
    <message>
        <source>keyring read failed ({error})</source>
        <translation>avainnipun lukeminen epäonnistui ({error})</translation>
    </message>
    <message>
        <source>keyring write failed ({error})</source>
        <translation>avainnippuun kirjoittaminen epäonnistui ({error})</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be {type}, got the text {value}</source>
        <translation>{key} (lähde {source}) on oltava tyyppiä {type}, mutta arvo on teksti {value}</translation>
    </message>
    <message>
        <source>{path}: cannot list ({error})</source>
        <translation>{path}: sisältöä ei voi luetella ({error})</translation>
    </message>
    <message>
        <source>{path}: cannot read ({error})</source>
        <translation>{path}: ei voi lukea ({error})</translation>
    </message>
    <message>
        <source>{source}: value '{name}' must be in the subkey of its section, e.g. {example}</source>
        <translation>{source}: arvon '{name}' on oltava osionsa aliavaimessa, esim. {example}</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be {want}, got {got}</source>
        <translation>{key} (lähde {source}) on oltava {want}, mutta se on {got}</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be 0 or 1, got {got}</source>
        <translation>{key} (lähde {source}) on oltava 0 tai 1, mutta se on {got}</translation>
    </message>
    <message>
        <source>managed preferences exist only on macOS</source>
        <translation>hallittuja asetuksia on vain macOS:ssä</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>ei määritetty</translation>
    </message>
    <message>
        <source>encryption.recipients[{index}] '{recipient}' is not a valid age recipient (expected age1… or ssh-ed25519 …)</source>
        <translation>encryption.recipients[{index}] '{recipient}' ei ole kelvollinen age-vastaanottaja (odotettiin age1… tai ssh-ed25519 …)</translation>
    </message>
    <message>
        <source>no encryption recipients configured; recordings cannot be encrypted</source>
        <translation>salauksen vastaanottajia ei ole määritetty; tallenteita ei voi salata</translation>
    </message>
    <message>
        <source>'{rule}' is not PATTERN=LANG or queue:NAME=LANG with LANG one of {languages} (e.g. '+46*=sv' or 'queue:Kundtjänst*=sv')</source>
        <translation>'{rule}' ei ole muotoa KUVIO=KIELI tai queue:NIMI=KIELI, jossa KIELI on jokin näistä: {languages} (esim. '+46*=sv' tai 'queue:Kundtjänst*=sv')</translation>
    </message>
    <message>
        <source>'{rule}' names no queue; write queue:NAME=LANG</source>
        <translation>'{rule}' ei nimeä jonoa; kirjoita queue:NIMI=KIELI</translation>
    </message>
    <message>
        <source>'{rule}': '{pattern}' is not a number pattern (digits, +, * or ?) nor queue:NAME</source>
        <translation>'{rule}': '{pattern}' ei ole numerokuvio (numeroita, +, * tai ?) eikä queue:NIMI</translation>
    </message>
    <message>
        <source>'{pattern}' is not a number pattern (digits, +, and * or ? as wildcards)</source>
        <translation>'{pattern}' ei ole numerokuvio (numeroita, +, sekä jokerimerkkeinä * tai ?)</translation>
    </message>
    <message>
        <source>'{number}' is not a phone number (digits, an optional leading +, spaces and dashes)</source>
        <translation>'{number}' ei ole puhelinnumero (numeroita, alussa mahdollisesti +, välilyöntejä ja viivoja)</translation>
    </message>
    <message>
        <source>the number-index key is not base64</source>
        <translation>numerohakemiston avain ei ole base64-muotoinen</translation>
    </message>
    <message>
        <source>the number-index key must be {size} bytes (base64 of 32 random bytes), not {actual}; make one with `taltio-admin keys new-index`</source>
        <translation>numerohakemiston avaimen on oltava {size} tavua (base64-muodossa 32 satunnaista tavua), ei {actual}; luo avain komennolla `taltio-admin keys new-index`</translation>
    </message>
    <message>
        <source>'{pattern}': a pattern is 1 to {most} characters</source>
        <translation>'{pattern}': kuviossa on 1–{most} merkkiä</translation>
    </message>
    <message>
        <source>'{pattern}' matches every window: name the payment window (e.g. '*Maksu*' or 'payterm.exe')</source>
        <translation>'{pattern}' vastaa kaikkia ikkunoita: nimeä maksuikkuna (esim. '*Maksu*' tai 'payterm.exe')</translation>
    </message>
    <message>
        <source>a UTC time like 2025-03-01T08:00:00Z</source>
        <translation>UTC-aika, kuten 2025-03-01T08:00:00Z</translation>
    </message>
    <message>
        <source>object</source>
        <translation>olio</translation>
    </message>
    <message>
        <source>list</source>
        <translation>luettelo</translation>
    </message>
    <message>
        <source>text</source>
        <translation>teksti</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>tosi/epätosi</translation>
    </message>
    <message>
        <source>number</source>
        <translation>luku</translation>
    </message>
    <message>
        <source>not bytes</source>
        <translation>ei tavuja</translation>
    </message>
    <message>
        <source>larger than {size} KiB</source>
        <translation>suurempi kuin {size} KiB</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>ei UTF-8-tekstiä</translation>
    </message>
    <message>
        <source>not JSON: {error} at line {line} column {column}</source>
        <translation>ei JSONia: {error} rivillä {line}, sarakkeessa {column}</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>sisäkkäisiä rakenteita liian monta tasoa</translation>
    </message>
    <message>
        <source>a JSON object is needed, not {actual}</source>
        <translation>tarvitaan JSON-olio, ei {actual}</translation>
    </message>
    <message>
        <source>missing {fields}</source>
        <translation>puuttuu: {fields}</translation>
    </message>
    <message>
        <source>schema must be '{schema}'</source>
        <translation>skeeman on oltava '{schema}'</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>kokonaisluku</translation>
    </message>
    <message>
        <source>format {format} is not supported (this Taltio reads format {supported})</source>
        <translation>muotoa {format} ei tueta (tämä Taltio lukee muotoa {supported})</translation>
    </message>
    <message>
        <source>expires_at is not after issued_at</source>
        <translation>expires_at ei ole issued_at-ajan jälkeen</translation>
    </message>
    <message>
        <source>'org', 'group:NAME' or 'agent:ID'</source>
        <translation>'org', 'group:NIMI' tai 'agent:TUNNUS'</translation>
    </message>
    <message>
        <source>an object of setting: value</source>
        <translation>olio muotoa asetus: arvo</translation>
    </message>
    <message>
        <source>a list of texts</source>
        <translation>tekstien luettelo</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>luku</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>tosi tai epätosi</translation>
    </message>
    <message>
        <source>the {target} policy</source>
        <translation>käytäntö {target}</translation>
    </message>
    <message>
        <source>target must be 'org', 'group:NAME' or 'agent:ID' (NAME/ID: 1-64 letters, digits, '.', '_' or '-'), not {target}</source>
        <translation>kohteen on oltava 'org', 'group:NIMI' tai 'agent:TUNNUS' (NIMI/TUNNUS: 1–64 kirjainta, numeroa, '.', '_' tai '-'), ei {target}</translation>
    </message>
    <message>
        <source>libopus did not set up two uncoupled streams; this FFmpeg build cannot record the two-mono layout (set audio.opus_layout = stereo)</source>
        <translation>libopus ei luonut kahta erillistä virtaa; tämä FFmpeg-versio ei pysty tallentamaan kahden monokanavan asettelua (aseta audio.opus_layout = stereo)</translation>
    </message>
    <message>
        <source>Opus cannot use {what} {value}; use one of {choices}</source>
        <translation>Opus ei voi käyttää asetusta {what} {value}; käytä jotakin näistä: {choices}</translation>
    </message>
    <message>
        <source>Opus cannot record at {rate} Hz; use one of {choices}</source>
        <translation>Opus ei voi tallentaa taajuudella {rate} Hz; käytä jotakin näistä: {choices}</translation>
    </message>
    <message>
        <source>cannot start the Opus encoder: {error}</source>
        <translation>Opus-kooderia ei voi käynnistää: {error}</translation>
    </message>
    <message>
        <source>unknown codec '{codec}'; use 'opus' or 'flac'</source>
        <translation>tuntematon koodekki '{codec}'; käytä arvoa 'opus' tai 'flac'</translation>
    </message>
    <message>
        <source>{source}: unknown setting '{key}' (see docs/configuration.md)</source>
        <translation>{source}: tuntematon asetus '{key}' (katso docs/configuration.md)</translation>
    </message>
    <message>
        <source>{variable} points to {path}, which does not exist</source>
        <translation>{variable} osoittaa kohteeseen {path}, jota ei ole olemassa</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text (byte {byte}); save it as UTF-8</source>
        <translation>{path}: ei UTF-8-tekstiä (tavu {byte}); tallenna tiedosto UTF-8-muodossa</translation>
    </message>
    <message>
        <source>{path}: not valid TOML ({error}); fix the file or remove it</source>
        <translation>{path}: ei kelvollista TOMLia ({error}); korjaa tiedosto tai poista se</translation>
    </message>
    <message>
        <source>{path}: not valid TOML (nested too deeply); fix the file or remove it</source>
        <translation>{path}: ei kelvollista TOMLia (sisäkkäisiä rakenteita liian monta tasoa); korjaa tiedosto tai poista se</translation>
    </message>
    <message>
        <source>'{key}' can only be set by the organisation</source>
        <translation>'{key}' -asetuksen voi määrittää vain organisaatio</translation>
    </message>
    <message>
        <source>your settings</source>
        <translation>omat asetuksesi</translation>
    </message>
    <message>
        <source>{source}: [taltio] format must be a whole number from 1, got {value}</source>
        <translation>{source}: [taltio] format -arvon on oltava kokonaisluku 1:stä alkaen, mutta se on {value}</translation>
    </message>
    <message>
        <source>{source} is in settings format {format}, written by a newer Taltio (this one reads up to {supported}); upgrade Taltio on this computer</source>
        <translation>{source} on asetusmuodossa {format}, jonka on kirjoittanut uudempi Taltio (tämä lukee muotoon {supported} asti); päivitä tämän tietokoneen Taltio</translation>
    </message>
    <message>
        <source>{key} (from {origin}) is too large a number: {value}</source>
        <translation>{key} (lähde {origin}) on liian suuri luku: {value}</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be a list of strings</source>
        <translation>{key} (lähde {origin}) on oltava tekstien luettelo</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be {type}, got {got}</source>
        <translation>{key} (lähde {origin}) on oltava tyyppiä {type}, mutta se on tyyppiä {got}</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be one of {choices}; got {value}</source>
        <translation>{key} (lähde {origin}) on oltava jokin näistä: {choices}; arvo on {value}</translation>
    </message>
    <message>
        <source>{key} (from {origin}): {problem}</source>
        <translation>{key} (lähde {origin}): {problem}</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>on oltava välillä {low}–{high}</translation>
    </message>
    <message>
        <source>must be at least {low}</source>
        <translation>on oltava vähintään {low}</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>on oltava suurempi kuin 0</translation>
    </message>
    <message>
        <source>must be an absolute path to a PEM file</source>
        <translation>on oltava PEM-tiedoston absoluuttinen polku</translation>
    </message>
    <message>
        <source>use s3://BUCKET/PREFIX or file:///PATH</source>
        <translation>käytä muotoa s3://ÄMPÄRI/ETULIITE tai file:///POLKU</translation>
    </message>
    <message>
        <source>'{value}' is not X,Y in pixels (e.g. '1700,40')</source>
        <translation>'{value}' ei ole muotoa X,Y pikseleinä (esim. '1700,40')</translation>
    </message>
    <message>
        <source>must start with https:// (or http:// on a trusted network)</source>
        <translation>on alettava https:// (tai luotetussa verkossa http://)</translation>
    </message>
    <message>
        <source>use http://HOST:PORT (or https://HOST:PORT for a TLS proxy)</source>
        <translation>käytä muotoa http://PALVELIN:PORTTI (tai TLS-välityspalvelimelle https://PALVELIN:PORTTI)</translation>
    </message>
    <message>
        <source>'{host}' has no valid port</source>
        <translation>osoitteessa '{host}' ei ole kelvollista porttia</translation>
    </message>
    <message>
        <source>use HOST:PORT, e.g. 127.0.0.1:4444</source>
        <translation>käytä muotoa PALVELIN:PORTTI, esim. 127.0.0.1:4444</translation>
    </message>
    <message>
        <source>folder {path} is writable</source>
        <translation>kansioon {path} voi kirjoittaa</translation>
    </message>
    <message>
        <source>plain HTTP, no TLS (storage.endpoint is http://)</source>
        <translation>pelkkä HTTP, ei TLS-salausta (storage.endpoint on http://)</translation>
    </message>
    <message>
        <source>TLS NOT VERIFIED (storage.dev_insecure_tls)</source>
        <translation>TLS-VARMENNETTA EI TARKISTETA (storage.dev_insecure_tls)</translation>
    </message>
    <message>
        <source>OS trust store</source>
        <translation>käyttöjärjestelmän luotetut varmenteet</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path}</source>
        <translation>storage.ca_bundle {path}</translation>
    </message>
    <message>
        <source>{first} + {second}</source>
        <translation>{first} + {second}</translation>
    </message>
    <message>
        <source>TLS verified against {trust}</source>
        <translation>TLS tarkistetaan: {trust}</translation>
    </message>
    <message>
        <source>the CA list shipped with Taltio</source>
        <translation>Taltion mukana toimitettu CA-luettelo</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>ympäristömuuttujat</translation>
    </message>
    <message>
        <source>direct (no proxy)</source>
        <translation>suora yhteys (ei välityspalvelinta)</translation>
    </message>
    <message>
        <source>direct (NO_PROXY exempts {host})</source>
        <translation>suora yhteys (NO_PROXY ohittaa palvelimen {host})</translation>
    </message>
    <message>
        <source>proxy {proxy} (from {source})</source>
        <translation>välityspalvelin {proxy} (lähde {source})</translation>
    </message>
    <message>
        <source>{tls}; {route}</source>
        <translation>{tls}; {route}</translation>
    </message>
    <message>
        <source>{storage} accepts writes</source>
        <translation>{storage} hyväksyy kirjoitukset</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>asetukset</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>avainnippu</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>vastaanottajat</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>ääni</translation>
    </message>
    <message>
        <source>storage network</source>
        <translation>tallennusyhteys</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>tallennuspaikka</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>levy</translation>
    </message>
    <message>
        <source>softphone</source>
        <translation>ohjelmistopuhelin</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>lähetysjono</translation>
    </message>
    <message>
        <source>no machine policy: standalone mode</source>
        <translation>ei koneen asetuskäytäntöä: erillistila</translation>
    </message>
    <message>
        <source>loaded ({source})</source>
        <translation>ladattu ({source})</translation>
    </message>
    <message>
        <source>{keyring} holds the workstation key</source>
        <translation>{keyring} sisältää työaseman avaimen</translation>
    </message>
    <message>
        <source>{count} organisation recipient(s) valid</source>
        <translation>organisaation vastaanottajia kelvollisina: {count}</translation>
    </message>
    <message>
        <source>standalone: encrypting to a local key kept in the keyring</source>
        <translation>erillistila: salataan paikalliselle avaimelle, joka säilytetään avainnipussa</translation>
    </message>
    <message>
        <source>standalone mode needs a keyring for its local key</source>
        <translation>erillistila tarvitsee avainnipun paikalliselle avaimelleen</translation>
    </message>
    <message>
        <source>cannot tell the free space in {path}: {error}</source>
        <translation>vapaata tilaa kohteessa {path} ei saada selville: {error}</translation>
    </message>
    <message>
        <source>the disk of {path} is full ({free} KB free): recordings cannot be saved; free disk space</source>
        <translation>kohteen {path} levy on täynnä ({free} kt vapaana): tallenteita ei voi tallentaa; vapauta levytilaa</translation>
    </message>
    <message>
        <source>{free} MB free for recordings in {path}</source>
        <translation>tallenteille {free} Mt vapaata tilaa kohteessa {path}</translation>
    </message>
    <message>
        <source>{count} call(s) waiting, oldest {minutes} min</source>
        <translation>odottavia puheluita: {count}, vanhin {minutes} min</translation>
    </message>
    <message>
        <source>{count} call(s) waiting</source>
        <translation>odottavia puheluita: {count}</translation>
    </message>
    <message>
        <source>{summary}. INSECURE, DEVELOPMENT ONLY: anyone on the network path can read and change uploads; remove storage.dev_insecure_tls ({origin})</source>
        <translation>{summary}. TURVATON, VAIN KEHITYSKÄYTTÖÖN: kuka tahansa verkkoyhteyden varrella voi lukea ja muuttaa lähetyksiä; poista storage.dev_insecure_tls ({origin})</translation>
    </message>
    <message>
        <source>{summary}; use https:// unless this network is trusted</source>
        <translation>{summary}; käytä https://-osoitetta, ellei tähän verkkoon voi luottaa</translation>
    </message>
    <message>
        <source>hook adapter: the softphone runs `taltio hook …`; app reports: {status}</source>
        <translation>hook-sovitin: ohjelmistopuhelin ajaa komentoa `taltio hook …`; sovellus ilmoittaa: {status}</translation>
    </message>
    <message>
        <source>{adapter}: app reports: {status}</source>
        <translation>{adapter}: sovellus ilmoittaa: {status}</translation>
    </message>
    <message>
        <source>hook adapter: the softphone runs `taltio hook …`, but Taltio is not running, so those commands fail now</source>
        <translation>hook-sovitin: ohjelmistopuhelin ajaa komentoa `taltio hook …`, mutta Taltio ei ole käynnissä, joten komennot epäonnistuvat nyt</translation>
    </message>
    <message>
        <source>linphone-daemon socket {where} answers (Taltio is not running)</source>
        <translation>linphone-daemonin pistoke {where} vastaa (Taltio ei ole käynnissä)</translation>
    </message>
    <message>
        <source>Bria API port {where} answers (Taltio is not running; Bria asks the user to allow access when Taltio first connects)</source>
        <translation>Brian API-portti {where} vastaa (Taltio ei ole käynnissä; Bria pyytää käyttäjää sallimaan yhteyden, kun Taltio yhdistää ensimmäisen kerran)</translation>
    </message>
    <message>
        <source>baresip control port {where} answers</source>
        <translation>baresipin ohjausportti {where} vastaa</translation>
    </message>
    <message>
        <source>{adapter} at {where} unreachable ({error})</source>
        <translation>{adapter} osoitteessa {where} ei ole tavoitettavissa ({error})</translation>
    </message>
    <message>
        <source>unknown softphone.adapter '{adapter}'</source>
        <translation>tuntematon softphone.adapter '{adapter}'</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>tarkistukset</translation>
    </message>
    <message>
        <source>softphone event ignored: {problem}</source>
        <translation>ohjelmistopuhelimen tapahtuma ohitettiin: {problem}</translation>
    </message>
    <message>
        <source>s3://{bucket} at {endpoint}</source>
        <translation>s3://{bucket} osoitteessa {endpoint}</translation>
    </message>
    <message>
        <source>folder {path}</source>
        <translation>kansio {path}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../desktop/taltio/core/settings.py" line="+147"/>
        <source>Agent identifier used in object keys and manifests. Empty: the login name.</source>
        <translation>Asiakaspalvelijan tunnus, jota käytetään objektien avaimissa ja manifesteissa. Tyhjä: kirjautumisnimi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent identifier</source>
        <translation>Asiakaspalvelijan tunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workstation identifier in manifests. Empty: the host name.</source>
        <translation>Työaseman tunnus manifesteissa. Tyhjä: koneen nimi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workstation identifier</source>
        <translation>Työaseman tunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio system: &apos;auto&apos; picks PipeWire/PulseAudio on Linux, WASAPI on Windows, Core Audio on macOS; &apos;portaudio&apos; uses plain PortAudio device names.</source>
        <translation>Äänijärjestelmä: &apos;auto&apos; valitsee Linuxissa PipeWiren/PulseAudion, Windowsissa WASAPIn ja macOS:ssä Core Audion; &apos;portaudio&apos; käyttää PortAudion tavallisia laitenimiä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio system</source>
        <translation>Äänijärjestelmä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agent&apos;s headset microphone: a stable device id (see `taltio doctor`; on Linux the PipeWire/PulseAudio source name) or a unique part of its name. Empty: the default input.</source>
        <translation>Asiakaspalvelijan kuulokemikrofoni: pysyvä laitetunnus (ks. `taltio doctor`; Linuxissa PipeWire/PulseAudio-lähteen nimi) tai yksiselitteinen osa sen nimestä. Tyhjä: oletustulo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microphone</source>
        <translation>Mikrofoni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device that carries what the softphone plays (on Linux the monitor of the headset&apos;s output, e.g. &apos;alsa_output.usb-Jabra….monitor&apos;). Empty: the monitor of the output the softphone is playing to, else of the default output.</source>
        <translation>Laite, joka välittää ohjelmistopuhelimen toistaman äänen (Linuxissa kuulokkeiden ulostulon monitori, esim. &apos;alsa_output.usb-Jabra….monitor&apos;). Tyhjä: sen ulostulon monitori, jolle ohjelmistopuhelin toistaa, muuten oletusulostulon.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Softphone playback (loopback) device</source>
        <translation>Ohjelmistopuhelimen toistolaite (loopback)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone to record from while the chosen one is lost (e.g. the laptop&apos;s built-in mic when the headset is unplugged). Empty: record a gap and wait for the chosen one to return. Either way the agent is warned, the switch is listed in the call&apos;s manifest, and the chosen device is used again as soon as it returns.</source>
        <translation>Mikrofoni, josta tallennetaan, kun valittu laite on kadonnut (esim. kannettavan sisäinen mikrofoni, kun kuulokkeet irrotetaan). Tyhjä: kirjataan katko ja odotetaan valitun laitteen paluuta. Kummassakin tapauksessa asiakaspalvelijaa varoitetaan, vaihto kirjataan puhelun manifestiin ja valittu laite otetaan taas käyttöön heti, kun se palaa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fallback microphone</source>
        <translation>Varamikrofoni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loopback device to record the customer from while the chosen one is lost (e.g. the monitor of the built-in speakers, where the softphone plays once the headset is gone). Empty: record a gap and wait.</source>
        <translation>Loopback-laite, josta asiakkaan puoli tallennetaan, kun valittu laite on kadonnut (esim. sisäisten kaiuttimien monitori, jolle ohjelmistopuhelin toistaa kuulokkeiden irrottua). Tyhjä: kirjataan katko ja odotetaan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fallback loopback device</source>
        <translation>Varalaite asiakkaan puolelle (loopback)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn the agent when either side has been silent this long while recording (e.g. the customer is not heard).</source>
        <translation>Varoita asiakaspalvelijaa, kun jompikumpi puoli on ollut hiljaa näin kauan tallennuksen aikana (esim. asiakasta ei kuulu).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One-sided call alarm (seconds)</source>
        <translation>Yksipuolisen puhelun hälytys (sekuntia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording sample rate in Hz.</source>
        <translation>Tallennuksen näytteenottotaajuus hertseinä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample rate (Hz)</source>
        <translation>Näytteenottotaajuus (Hz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording codec: &apos;opus&apos; (Ogg Opus, small) or &apos;flac&apos; (lossless, about 8 times larger).</source>
        <translation>Tallennuksen koodekki: &apos;opus&apos; (Ogg Opus, pieni) tai &apos;flac&apos; (häviötön, noin 8 kertaa suurempi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording codec</source>
        <translation>Tallennuksen koodekki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the two sides are coded: &apos;two-mono&apos; (two independent Opus streams in one file, agent left, customer right: no cross-talk at any bitrate) or &apos;stereo&apos; (one joint-stereo stream, the layout of recordings made before; always coded at 28 kbit/s or more, since below about 26 kbit/s libopus mixes the two sides).</source>
        <translation>Miten osapuolet koodataan: &apos;two-mono&apos; (kaksi erillistä Opus-virtaa yhdessä tiedostossa, agentti vasemmalla, asiakas oikealla: ei ylikuulumista millään bittinopeudella) tai &apos;stereo&apos; (yksi yhdistetty stereovirta, aiempien tallenteiden muoto; koodataan aina vähintään 28 kbit/s, koska alle noin 26 kbit/s libopus sekoittaa osapuolet).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opus channel layout</source>
        <translation>Opus-kanavajako</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opus bitrate for the whole call (both sides together), kbit/s (docs/performance.md).</source>
        <translation>Koko puhelun (molemmat osapuolet yhteensä) Opus-bittinopeus, kbit/s (docs/performance.md).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opus bitrate (kbit/s)</source>
        <translation>Opus-bittinopeus (kbit/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How often encrypted audio is sealed to disk; bounds what a crash can lose.</source>
        <translation>Kuinka usein salattu ääni sinetöidään levylle; rajaa sen, mitä kaatuminen voi viedä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sealing interval (seconds)</source>
        <translation>Sinetöintiväli (sekuntia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How Taltio learns of calls: &apos;hook&apos; (the softphone runs `taltio hook …`), &apos;baresip&apos; (baresip&apos;s ctrl_tcp module), &apos;bria&apos; (the Bria Desktop API) or &apos;linphone&apos; (linphone-daemon&apos;s --pipe socket).</source>
        <translation>Miten Taltio saa tiedon puheluista: &apos;hook&apos; (ohjelmistopuhelin ajaa komennon `taltio hook …`), &apos;baresip&apos; (baresipin ctrl_tcp-moduuli), &apos;bria&apos; (Bria Desktop API) tai &apos;linphone&apos; (linphone-daemonin --pipe-pistoke).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Softphone adapter</source>
        <translation>Ohjelmistopuhelimen sovitin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The softphone&apos;s program name (e.g. &apos;MicroSIP&apos;), used to suggest the output device it plays to. Empty: &apos;baresip&apos; with the baresip adapter, else the default output.</source>
        <translation>Ohjelmistopuhelimen ohjelman nimi (esim. &apos;MicroSIP&apos;), jonka avulla ehdotetaan ulostuloa, jolle se toistaa. Tyhjä: baresip-sovittimella &apos;baresip&apos;, muuten oletusulostulo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Softphone program name</source>
        <translation>Ohjelmistopuhelimen ohjelman nimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOST:PORT of the softphone&apos;s control socket (baresip); for Bria a ws:// or wss:// URL, anything else means Bria&apos;s own address; for linphone unix:PATH of linphone-daemon&apos;s socket (unix:NAME is /tmp/NAME, as made by --pipe NAME), anything else means /tmp/linphone-daemon.</source>
        <translation>Ohjelmistopuhelimen ohjauspistokkeen HOST:PORT (baresip); Brialle ws://- tai wss://-osoite, muu arvo tarkoittaa Brian omaa osoitetta; linphonelle linphone-daemonin pistoke muodossa unix:POLKU (unix:NIMI on /tmp/NIMI, jonka --pipe NIMI luo), muu arvo tarkoittaa /tmp/linphone-daemon.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Softphone control address</source>
        <translation>Ohjelmistopuhelimen ohjausosoite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where recordings go: s3://BUCKET/PREFIX or file:///PATH (a network share). Empty: standalone mode, a folder in the user data dir.</source>
        <translation>Minne tallenteet menevät: s3://BUCKET/PREFIX tai file:///PATH (verkkolevy). Tyhjä: erillistila, kansio käyttäjän datahakemistossa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Storage URL</source>
        <translation>Tallennuspaikan URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 endpoint URL (SeaweedFS, MinIO, Ceph). Empty: AWS.</source>
        <translation>S3-päätepisteen URL (SeaweedFS, MinIO, Ceph). Tyhjä: AWS.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S3 endpoint</source>
        <translation>S3-päätepiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 region.</source>
        <translation>S3-alue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S3 region</source>
        <translation>S3-alue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM file of the CA(s) that signed the storage&apos;s (or a TLS-inspecting proxy&apos;s) certificate, e.g. the organisation&apos;s root CA. Trusted in addition to the OS trust store, or instead of it with storage.use_os_trust_store = false. An unreadable file stops uploads with an error (and `taltio doctor` fails); recording goes on. See docs/storage-network.md.</source>
        <translation>PEM-tiedosto varmentajista, jotka allekirjoittivat tallennuspalvelun (tai TLS-liikennettä tarkastavan välityspalvelimen) varmenteen, esim. organisaation juurivarmentaja. Luotetaan käyttöjärjestelmän luottamussäilön lisäksi, tai sen sijaan, jos storage.use_os_trust_store = false. Lukukelvoton tiedosto pysäyttää lähetykset virheeseen (ja `taltio doctor` epäonnistuu); tallennus jatkuu. Ks. docs/storage-network.md.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CA bundle file</source>
        <translation>CA-varmennetiedosto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify the storage&apos;s certificate against the operating system&apos;s trust store (Windows certificate store, macOS keychain, the distribution&apos;s CA list on Linux), where IT usually installs the organisation&apos;s CA. False: only storage.ca_bundle, or without it the CA list shipped with Taltio (Mozilla&apos;s).</source>
        <translation>Tarkista tallennuspalvelun varmenne käyttöjärjestelmän luottamussäilöä vasten (Windowsin varmennesäilö, macOS:n avainnippu, Linuxissa jakelun CA-luettelo), johon IT yleensä asentaa organisaation varmentajan. False: vain storage.ca_bundle, tai ilman sitä Taltion mukana toimitettu CA-luettelo (Mozillan).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use the OS trust store</source>
        <translation>Käytä käyttöjärjestelmän luottamussäilöä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy for storage traffic, e.g. http://proxy.example:3128 (https:// URLs are tunnelled with CONNECT; user:password@ is allowed but shown masked). Hosts in NO_PROXY still go direct. Empty: HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment.</source>
        <translation>Välityspalvelin tallennusliikenteelle, esim. http://proxy.example:3128 (https://-osoitteet tunneloidaan CONNECTilla; user:password@ on sallittu, mutta se näytetään peitettynä). NO_PROXY-listan palvelimiin mennään yhä suoraan. Tyhjä: HTTPS_PROXY / HTTP_PROXY / NO_PROXY ympäristöstä.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Storage proxy</source>
        <translation>Tallennuksen välityspalvelin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DEVELOPMENT ONLY: do not verify the storage&apos;s TLS certificate. Anyone on the network path can then read and change uploads. Every connection setup logs a warning and `taltio doctor` fails while it is on. Only the machine config can set it, never the agent&apos;s own settings.</source>
        <translation>VAIN KEHITYSKÄYTTÖÖN: tallennuspalvelun TLS-varmennetta ei tarkisteta. Kuka tahansa verkkoreitillä voi silloin lukea ja muuttaa lähetyksiä. Jokainen yhteyden muodostus kirjaa varoituksen, ja `taltio doctor` epäonnistuu niin kauan kuin asetus on päällä. Vain koneen asetukset voivat asettaa sen, ei koskaan asiakaspalvelijan omat asetukset.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip TLS verification (development only)</source>
        <translation>Ohita TLS-tarkistus (vain kehitykseen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 access key id of this agent. The secret is kept in the OS keyring (or TALTIO_S3_SECRET for tests), never in this file.</source>
        <translation>Tämän asiakaspalvelijan S3-käyttöavaimen tunnus. Salainen avain säilytetään käyttöjärjestelmän avainnipussa (tai testeissä TALTIO_S3_SECRET-muuttujassa), ei koskaan tässä tiedostossa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S3 access key id</source>
        <translation>S3-käyttöavaimen tunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many calls upload at once (a backlog drains faster; the files of one call always go in order, audio first, manifest last).</source>
        <translation>Montako puhelua lähetetään yhtä aikaa (jono purkautuu nopeammin; yhden puhelun tiedostot menevät aina järjestyksessä, ääni ensin, manifesti viimeisenä).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parallel uploads</source>
        <translation>Rinnakkaiset lähetykset</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files from this size (MiB) upload in parts that resume after a restart or a dropped connection; smaller ones in one request.</source>
        <translation>Tämän kokoiset ja suuremmat tiedostot (MiB) lähetetään osina, jotka jatkuvat uudelleenkäynnistyksen tai katkenneen yhteyden jälkeen; pienemmät yhdellä pyynnöllä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Multipart threshold (MiB)</source>
        <translation>Osalähetyksen raja (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size of each part of a multipart upload (MiB; S3 needs at least 5).</source>
        <translation>Osalähetyksen kunkin osan koko (MiB; S3 vaatii vähintään 5).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part size (MiB)</source>
        <translation>Osan koko (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most disk the calls waiting for upload may use on this computer (MiB). Near it (90 %) the agent is warned. Waiting recordings are never deleted to make room: storage.when_queue_full decides what happens to new calls. 0: no limit.</source>
        <translation>Enimmäislevytila, jonka lähetystä odottavat puhelut saavat käyttää tällä koneella (MiB). Lähellä rajaa (90 %) asiakaspalvelijaa varoitetaan. Odottavia tallenteita ei koskaan poisteta tilan tekemiseksi: storage.when_queue_full määrää, mitä uusille puheluille tapahtuu. 0: ei rajaa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload queue quota (MiB)</source>
        <translation>Lähetysjonon kiintiö (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the waiting calls fill storage.queue_quota_mb: &apos;record&apos; keeps recording new calls anyway (the disk is the limit), &apos;stop&apos; records no new call until uploads make room (the agent is told before giving the notice; the call&apos;s manifest says why).</source>
        <translation>Kun odottavat puhelut täyttävät storage.queue_quota_mb-kiintiön: &apos;record&apos; tallentaa uudet puhelut silti (levy on rajana), &apos;stop&apos; ei tallenna uusia puheluita, ennen kuin lähetykset vapauttavat tilaa (asiakaspalvelijalle kerrotaan ennen ilmoituksen antamista; puhelun manifesti kertoo syyn).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When the upload queue is full</source>
        <translation>Kun lähetysjono on täynnä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest wait between upload attempts while storage is down.</source>
        <translation>Pisin odotus lähetysyritysten välillä, kun tallennuspalvelu ei ole käytettävissä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest retry wait (seconds)</source>
        <translation>Pisin uusintaväli (sekuntia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days every stored recording version is locked (S3 Object Lock, COMPLIANCE mode: nobody, not even the storage admin, can delete or shorten it before then). Used by `taltio-admin storage init` for a new bucket; keep `org.retention` in line with it.</source>
        <translation>Montako päivää jokainen tallennettu tallenneversio on lukittu (S3 Object Lock, COMPLIANCE-tila: kukaan, ei edes tallennuspalvelun ylläpitäjä, voi poistaa sitä tai lyhentää lukitusta ennen sitä). Käytetään, kun `taltio-admin storage init` luo uuden bucketin; pidä `org.retention` sen mukaisena.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retention lock (days)</source>
        <translation>Säilytyslukitus (päivää)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation age recipients (age1…) that can decrypt recordings. The workstation itself can never decrypt. Empty: standalone mode with a local key.</source>
        <translation>Organisaation age-vastaanottajat (age1…), jotka voivat purkaa tallenteiden salauksen. Työasema itse ei voi koskaan purkaa niitä. Tyhjä: erillistila paikallisella avaimella.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation recipients</source>
        <translation>Organisaation vastaanottajat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key of the customer-number index (base64 of 32 random bytes, from `taltio-admin keys new-index`). Manifests never hold the number in clear; with this key each carries an HMAC of it, so a supervisor with the same key finds a customer's calls without decrypting them. Empty: no index. Secret: distribute it only by signed policy or machine policy.</source>
        <translation>Asiakasnumerohakemiston avain (base64-muodossa 32 satunnaista tavua, komennolla `taltio-admin keys new-index`). Manifesteissa ei koskaan ole numeroa selväkielisenä; tällä avaimella kussakin on numeron HMAC, joten esihenkilö, jolla on sama avain, löytää asiakkaan puhelut purkamatta niiden salausta. Tyhjä: ei hakemistoa. Salaisuus: jaa se vain allekirjoitetulla käytännöllä tai laitekäytännöllä.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number index key</source>
        <translation>Numerohakemiston avain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the notice when no rule matches the number.</source>
        <translation>Ilmoituksen kieli, kun mikään sääntö ei vastaa numeroa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default notice language</source>
        <translation>Ilmoituksen oletuskieli</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which language the notice card starts in, by the customer&apos;s number (&apos;PATTERN=LANG&apos;, e.g. &apos;+46*=sv&apos;) or by the queue the call came through (&apos;queue:NAME=LANG&apos;, wildcards allowed, e.g. &apos;queue:Kundtjänst*=sv&apos;; the queue comes from `taltio hook … --queue NAME`). First match wins. The agent can switch with one click.</source>
        <translation>Millä kielellä ilmoituskortti alkaa: asiakkaan numeron mukaan (&apos;PATTERN=LANG&apos;, esim. &apos;+46*=sv&apos;) tai sen jonon mukaan, jonka kautta puhelu tuli (&apos;queue:NAME=LANG&apos;, jokerimerkit sallittu, esim. &apos;queue:Kundtjänst*=sv&apos;; jono tulee komennosta `taltio hook … --queue NAME`). Ensimmäinen osuma voittaa. Asiakaspalvelija voi vaihtaa kieltä yhdellä napsautuksella.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notice language rules</source>
        <translation>Ilmoituksen kielisäännöt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The script the agent reads before recording, in Finnish. Empty: the text shipped with Taltio (resources/notices/notice.fi.txt).</source>
        <translation>Teksti, jonka asiakaspalvelija lukee ennen tallennusta, suomeksi. Tyhjä: Taltion mukana toimitettu teksti (resources/notices/notice.fi.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (Finnish)</source>
        <translation>Ilmoituksen teksti (suomi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script the agent reads before recording, in Swedish. Empty: the text shipped with Taltio (resources/notices/notice.sv.txt).</source>
        <translation>Teksti, jonka asiakaspalvelija lukee ennen tallennusta, ruotsiksi. Tyhjä: Taltion mukana toimitettu teksti (resources/notices/notice.sv.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (Swedish)</source>
        <translation>Ilmoituksen teksti (ruotsi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script the agent reads before recording, in English. Empty: the text shipped with Taltio (resources/notices/notice.en.txt).</source>
        <translation>Teksti, jonka asiakaspalvelija lukee ennen tallennusta, englanniksi. Tyhjä: Taltion mukana toimitettu teksti (resources/notices/notice.en.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (English)</source>
        <translation>Ilmoituksen teksti (englanti)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in Finnish. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.fi.txt).</source>
        <translation>Mitä asiakaspalvelija kertoo asiakkaalle, joka kysyy tallennuksesta, suomeksi. Voi käyttää kenttiä {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} ja {copy_request}. Tyhjä: Taltion mukana toimitettu pohja (resources/notices/info.fi.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (Finnish)</source>
        <translation>Tietoa tallennuksesta (suomi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in Swedish. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.sv.txt).</source>
        <translation>Mitä asiakaspalvelija kertoo asiakkaalle, joka kysyy tallennuksesta, ruotsiksi. Voi käyttää kenttiä {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} ja {copy_request}. Tyhjä: Taltion mukana toimitettu pohja (resources/notices/info.sv.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (Swedish)</source>
        <translation>Tietoa tallennuksesta (ruotsi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in English. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.en.txt).</source>
        <translation>Mitä asiakaspalvelija kertoo asiakkaalle, joka kysyy tallennuksesta, englanniksi. Voi käyttää kenttiä {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} ja {copy_request}. Tyhjä: Taltion mukana toimitettu pohja (resources/notices/info.en.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (English)</source>
        <translation>Tietoa tallennuksesta (englanti)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who records (the controller under GDPR): the organisation&apos;s name.</source>
        <translation>Kuka tallentaa (rekisterinpitäjä GDPR:n mukaan): organisaation nimi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Controller</source>
        <translation>Rekisterinpitäjä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The controller&apos;s contact for privacy questions (data protection officer).</source>
        <translation>Rekisterinpitäjän yhteystieto tietosuojakysymyksiin (tietosuojavastaava).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Privacy contact</source>
        <translation>Tietosuojayhteyshenkilö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, in months, as told to customers: shown in the customer&apos;s language (&apos;24 kuukautta&apos;, &apos;24 månader&apos;, &apos;24 months&apos;). 0: not set.</source>
        <translation>Kuinka kauan tallenteita säilytetään, kuukausina, kuten asiakkaille kerrotaan: näytetään asiakkaan kielellä (&apos;24 kuukautta&apos;, &apos;24 månader&apos;, &apos;24 months&apos;). 0: ei asetettu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (months)</source>
        <translation>Säilytysaika (kuukautta)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long recordings are kept, as free text shown in every language (e.g. &apos;the contract period plus 24 months&apos;). Prefer org.retention_months or the per-language org.retention_fi/sv/en, so a Swedish customer is not told in Finnish.</source>
        <translation>Kuinka kauan tallenteita säilytetään, vapaana tekstinä, joka näytetään kaikilla kielillä (esim. &apos;sopimuskausi ja 24 kuukautta&apos;). Käytä mieluummin asetusta org.retention_months tai kielikohtaisia org.retention_fi/sv/en, jotta ruotsinkieliselle asiakkaalle ei kerrota suomeksi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retention (free text)</source>
        <translation>Säilytysaika (vapaa teksti)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in Finnish; overrides org.retention and org.retention_months for that language.</source>
        <translation>Kuinka kauan tallenteita säilytetään, kuten asiakkaille kerrotaan suomeksi; ohittaa asetukset org.retention ja org.retention_months tällä kielellä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (Finnish)</source>
        <translation>Säilytysaika (suomi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in Swedish; overrides org.retention and org.retention_months for that language.</source>
        <translation>Kuinka kauan tallenteita säilytetään, kuten asiakkaille kerrotaan ruotsiksi; ohittaa asetukset org.retention ja org.retention_months tällä kielellä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (Swedish)</source>
        <translation>Säilytysaika (ruotsi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in English; overrides org.retention and org.retention_months for that language.</source>
        <translation>Kuinka kauan tallenteita säilytetään, kuten asiakkaille kerrotaan englanniksi; ohittaa asetukset org.retention ja org.retention_months tällä kielellä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (English)</source>
        <translation>Säilytysaika (englanti)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a customer gets a copy of their recording (e.g. a web form or e-mail address).</source>
        <translation>Miten asiakas saa kopion tallenteestaan (esim. verkkolomake tai sähköpostiosoite).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to request a copy</source>
        <translation>Kopion pyytäminen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What staff are told about recording: what is recorded, why, who may listen, how private calls work. Shown on first run and whenever it changes; each acknowledgement is logged. Empty: the text shipped with Taltio, in the agent&apos;s language.</source>
        <translation>Mitä henkilöstölle kerrotaan tallennuksesta: mitä tallennetaan, miksi, kuka saa kuunnella ja miten yksityispuhelut toimivat. Näytetään ensimmäisellä käynnistyskerralla ja aina tekstin muuttuessa; jokainen kuittaus kirjataan. Tyhjä: Taltion mukana toimitettu teksti asiakaspalvelijan kielellä.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff notice</source>
        <translation>Henkilöstötiedote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When recording starts: &apos;notice&apos; (when the agent confirms the notice was given: the default, and what the Data Protection Ombudsman expects) or &apos;answer&apos; (on answer; the notice card is then a reminder, and each manifest says so).</source>
        <translation>Milloin tallennus alkaa: &apos;notice&apos; (kun asiakaspalvelija vahvistaa antaneensa ilmoituksen: oletus, ja mitä tietosuojavaltuutettu edellyttää) tai &apos;answer&apos; (vastattaessa; ilmoituskortti on silloin muistutus, ja jokainen manifesti kertoo sen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording starts</source>
        <translation>Tallennuksen alkaminen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind the agent to resume after a card-data pause this long. 0: no reminder.</source>
        <translation>Muistuta asiakaspalvelijaa jatkamaan, kun korttitietojen takia pidetty tauko on kestänyt näin kauan. 0: ei muistutusta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause reminder (seconds)</source>
        <translation>Taukomuistutus (sekuntia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume recording by itself after a card-data pause this long, so a forgotten pause cannot leave the rest of the call unrecorded. 0: no limit. Holds are not card-data pauses and have no limit.</source>
        <translation>Jatka tallennusta itsestään, kun korttitietojen takia pidetty tauko on kestänyt näin kauan, jotta unohtunut tauko ei jätä puhelun loppua tallentamatta. 0: ei rajaa. Pitoon asettaminen ei ole korttitietotauko, eikä sillä ole rajaa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longest pause (seconds)</source>
        <translation>Pisin tauko (sekuntia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a hold does to the recording: &apos;pause&apos; (nothing is captured while the customer waits; the manifest lists the hold as a pause) or &apos;continue&apos; (capture goes on, e.g. to keep what the agent says to a colleague; the manifest lists the hold times).</source>
        <translation>Mitä pito tekee tallennukselle: &apos;pause&apos; (mitään ei tallenneta asiakkaan odottaessa; manifesti merkitsee pidon tauoksi) tai &apos;continue&apos; (tallennus jatkuu, esim. jotta asiakaspalvelijan puhe kollegalle säilyy; manifesti kertoo pidon ajat).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording during hold</source>
        <translation>Tallennus pidon aikana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May agents mark calls private (never recorded)? The Working Life Privacy Act protects staff&apos;s private calls; switch off only where every line is a business line.</source>
        <translation>Saavatko asiakaspalvelijat merkitä puheluita yksityisiksi (ei koskaan tallenneta)? Työelämän tietosuojalaki suojaa henkilöstön yksityispuheluita; kytke pois vain, jos jokainen linja on työlinja.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allow private calls</source>
        <translation>Salli yksityispuhelut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most calls an agent may mark private per day. 0: no limit.</source>
        <translation>Enintään näin monta puhelua asiakaspalvelija saa merkitä yksityiseksi päivässä. 0: ei rajaa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private calls per day</source>
        <translation>Yksityispuheluita päivässä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must the agent give a short reason when marking a call private? The reason is kept in the local audit log, never any audio.</source>
        <translation>Pitääkö asiakaspalvelijan antaa lyhyt syy merkitessään puhelun yksityiseksi? Syy säilytetään paikallisessa tapahtumalokissa, ääntä ei koskaan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason required for private calls</source>
        <translation>Yksityispuhelulle vaaditaan syy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers whose calls are never recorded (occupational health, the union line). Shell wildcards: &apos;+358 9 1234*&apos;.</source>
        <translation>Numerot, joiden puheluita ei koskaan tallenneta (työterveys, ammattiliiton linja). Komentotulkin jokerimerkit: &apos;+358 9 1234*&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Always private numbers</source>
        <translation>Aina yksityiset numerot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the small always-on-top status pill (recording / paused with its timer / private / declined / not recording / error). The agent can move it.</source>
        <translation>Näytä pieni aina päällimmäisenä oleva tilapilleri (tallennetaan / tauko ajastimineen / yksityinen / kieltäytyi / ei tallenneta / virhe). Asiakaspalvelija voi siirtää sitä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status pill</source>
        <translation>Tilamerkki aina näkyvissä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also show a desktop notification when recording starts and stops (errors and warnings are always notified).</source>
        <translation>Näytä myös työpöytäilmoitus, kun tallennus alkaa ja päättyy (virheistä ja varoituksista ilmoitetaan aina).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notify on start and stop</source>
        <translation>Ilmoitus tallennuksen alkaessa ja päättyessä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of Taltio&apos;s own screens: &apos;fi&apos;, &apos;sv&apos; or &apos;en&apos;. Empty: the operating system&apos;s language.</source>
        <translation>Taltion omien näkymien kieli: &apos;fi&apos;, &apos;sv&apos; tai &apos;en&apos;. Tyhjä: käyttöjärjestelmän kieli.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the agent last put the status pill (&apos;X,Y&apos; on the desktop; kept on screen when the screens change). Empty: top right.</source>
        <translation>Mihin asiakaspalvelija viimeksi siirsi tilapillerin (&apos;X,Y&apos; työpöydällä; pidetään näytöllä, kun näytöt muuttuvat). Tyhjä: oikea yläkulma.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status pill position</source>
        <translation>Tilapillerin sijainti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business numbers (queues) whose calls cannot be marked private. Same pattern syntax.</source>
        <translation>Työnumerot (jonot), joiden puheluita ei voi merkitä yksityisiksi. Sama kuviosyntaksi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never private numbers</source>
        <translation>Ei koskaan yksityiset numerot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bucket for the workstations&apos; heartbeats (`fleet/&lt;agent-id&gt;.json`, overwritten each time, read by `taltio-admin fleet`). Keep it apart from the recordings: no Object Lock, no versioning. Empty: &apos;&lt;storage bucket&gt;-fleet&apos;. With file:// storage heartbeats go to &lt;folder&gt;/fleet/.</source>
        <translation>Bucket työasemien sykeviesteille (`fleet/&lt;agent-id&gt;.json`, korvataan joka kerta, luetaan komennolla `taltio-admin fleet`). Pidä se erillään tallenteista: ei Object Lockia, ei versiointia. Tyhjä: &apos;&lt;storage bucket&gt;-fleet&apos;. file://-tallennuksessa sykeviestit menevät kansioon &lt;folder&gt;/fleet/.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Heartbeat bucket</source>
        <translation>Sykebucket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the workstation writes its heartbeat (also once at start). Fractions are allowed (0.1 = 6 s).</source>
        <translation>Kuinka usein työasema kirjoittaa sykeviestinsä (myös kerran käynnistyessä). Murtoluvut ovat sallittuja (0,1 = 6 s).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heartbeat interval (minutes)</source>
        <translation>Sykeväli (minuuttia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn (agent log and heartbeat; `taltio-admin fleet` flags BACKLOG) when this many calls wait for upload.</source>
        <translation>Varoita (asiakaspalvelijan loki ja sykeviesti; `taltio-admin fleet` merkitsee BACKLOG), kun näin monta puhelua odottaa lähetystä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backlog warning (calls)</source>
        <translation>Jonovaroitus (puheluita)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn the same way when the oldest call waiting for upload is this many hours old.</source>
        <translation>Varoita samalla tavalla, kun vanhin lähetystä odottava puhelu on näin monta tuntia vanha.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backlog warning (hours)</source>
        <translation>Jonovaroitus (tunteja)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`taltio-admin fleet` flags a workstation STALE when its last heartbeat is older than this; keep it a few times fleet.heartbeat_minutes.</source>
        <translation>`taltio-admin fleet` merkitsee työaseman STALE-tilaan, kun sen viimeisin sykeviesti on tätä vanhempi; pidä se muutamana kertana fleet.heartbeat_minutes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stale after (minutes)</source>
        <translation>Vanhentunut (minuuttia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whether this workstation records calls at all. Off: Taltio shows that recording is off and captures nothing.</source>
        <translation>Tallentaako tämä työasema puheluita lainkaan. Pois: Taltio näyttää, että tallennus on pois päältä, eikä tallenna mitään.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording enabled</source>
        <translation>Tallennus käytössä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor keys whose signed policies this workstation accepts (&apos;ssh-ed25519 AAAA… name&apos;, one per entry; `taltio-admin keys new-supervisor` makes one). Empty: no supervisor policy is fetched.</source>
        <translation>Esihenkilöiden avaimet, joiden allekirjoittamat käytännöt tämä työasema hyväksyy (&apos;ssh-ed25519 AAAA… name&apos;, yksi kohtaa kohden; `taltio-admin keys new-supervisor` luo sellaisen). Tyhjä: esihenkilön käytäntöä ei haeta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allowed supervisor keys</source>
        <translation>Sallitut esihenkilöavaimet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where supervisors publish policies: s3://BUCKET/policy or file:///PATH/policy. Empty: the &apos;policy/&apos; folder beside storage.url&apos;s bucket (s3://BUCKET/policy).</source>
        <translation>Mihin esihenkilöt julkaisevat käytännöt: s3://BUCKET/policy tai file:///PATH/policy. Tyhjä: storage.url-asetuksen bucketin vieressä oleva &apos;policy/&apos;-kansio (s3://BUCKET/policy).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy URL</source>
        <translation>Käytäntöjen URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The groups this workstation belongs to: it applies policy/org.json, then policy/group-NAME.json for each group, then policy/agent-ID.json (later wins).</source>
        <translation>Ryhmät, joihin tämä työasema kuuluu: se soveltaa tiedostoa policy/org.json, sitten jokaisen ryhmän tiedostoa policy/group-NAME.json ja lopuksi tiedostoa policy/agent-ID.json (myöhempi voittaa).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy groups</source>
        <translation>Käytäntöryhmät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the workstation checks for a new policy (a conditional GET: nothing is downloaded when it has not changed).</source>
        <translation>Kuinka usein työasema tarkistaa, onko uusi käytäntö saatavilla (ehdollinen GET: mitään ei ladata, jos se ei ole muuttunut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy check interval (minutes)</source>
        <translation>Käytäntöjen tarkistusväli (minuuttia)</translation>
    </message>
    <message>
        <source>The data protection officer&apos;s contact (GDPR Art. 13(1)(b)), e.g. an e-mail address. Empty: customers are told none is designated and to ask the privacy contact.</source>
        <translation>Tietosuojavastaavan yhteystieto (tietosuoja-asetuksen 13 artiklan 1 kohdan b alakohta), esim. sähköpostiosoite. Tyhjä: asiakkaalle kerrotaan, ettei tietosuojavastaavaa ole nimetty, ja häntä pyydetään kysymään tietosuoja-asioiden yhteyshenkilöltä.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Tietosuojavastaava</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Oikeusperuste</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Vastaanottajat</translation>
    </message>
    <message>
        <source>Supervisory authority</source>
        <translation>Valvontaviranomainen</translation>
    </message>
    <message>
        <source>Windows in which card data is typed (PCI DSS): while one has the keyboard, the call&apos;s recording is paused (reason &apos;payment-window&apos; in the manifest) and it resumes when the focus leaves. Window titles or program names, case-insensitive, with * and ? (e.g. &apos;*Korttimaksu*&apos;, &apos;payterm.exe&apos;). Empty: no auto-pause. Linux X11 only so far; elsewhere the agent is told once that it is not available.</source>
        <translation>Ikkunat, joissa korttitiedot syötetään (PCI DSS): kun jokin niistä on aktiivisena, puhelun tallennus on tauolla (syy &apos;payment-window&apos; manifestissa) ja jatkuu, kun kohdistus siirtyy pois. Ikkunoiden otsikoita tai ohjelmien nimiä, kirjainkoosta välittämättä, jokerimerkein * ja ? (esim. &apos;*Korttimaksu*&apos;, &apos;payterm.exe&apos;). Tyhjä: ei automaattista taukoa. Toistaiseksi vain Linuxin X11:ssä; muualla asiakaspalvelijalle kerrotaan kerran, ettei toiminto ole käytettävissä.</translation>
    </message>
    <message>
        <source>Auto-pause on payment windows</source>
        <translation>Automaattinen tauko maksuikkunoissa</translation>
    </message>
    <message>
        <source>Keyboard shortcut, from any program, for Start call… (a call the softphone does not report). Keys joined by +: Ctrl, Alt, Shift, Meta and a letter, a digit or F1-F24. Empty: none.</source>
        <translation>Pikanäppäin, joka toimii mistä tahansa ohjelmasta: Aloita puhelu… (puhelu, josta ohjelmistopuhelin ei kerro). Näppäimet +-merkillä yhdistettyinä: Ctrl, Alt, Shift, Meta sekä kirjain, numero tai F1-F24. Tyhjä: ei pikanäppäintä.</translation>
    </message>
    <message>
        <source>Start call shortcut</source>
        <translation>Aloita puhelu -pikanäppäin</translation>
    </message>
    <message>
        <source>Keyboard shortcut, from any program, for End call (the call started by hand). Same keys. Empty: none.</source>
        <translation>Pikanäppäin, joka toimii mistä tahansa ohjelmasta: Lopeta puhelu (käsin aloitettu puhelu). Samat näppäimet. Tyhjä: ei pikanäppäintä.</translation>
    </message>
    <message>
        <source>End call shortcut</source>
        <translation>Lopeta puhelu -pikanäppäin</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers (GDPR Art. 13(1)(c)), shown in every language without its own org.legal_basis_fi/sv/en. Empty: the shipped text in the customer's language (contract and legitimate interest, Art. 6(1)(b) and (f)).</source>
        <translation>Tallentamisen oikeusperuste asiakkaalle kerrottuna (tietosuoja-asetuksen 13 artiklan 1 kohdan c alakohta), näytetään kaikilla kielillä, joille ei ole omaa asetusta org.legal_basis_fi/sv/en. Tyhjä: Taltion mukana toimitettu teksti asiakkaan kielellä (sopimus ja oikeutettu etu, 6 artiklan 1 kohdan b ja f alakohta).</translation>
    </message>
    <message>
        <source>Who receives the recordings (GDPR Art. 13(1)(e)), shown in every language without its own org.recipients_fi/sv/en. Empty: the shipped text in the customer's language (staff handling the matter, processors storing the recordings, authorities where the law requires).</source>
        <translation>Kenelle tallenteita luovutetaan (tietosuoja-asetuksen 13 artiklan 1 kohdan e alakohta), näytetään kaikilla kielillä, joille ei ole omaa asetusta org.recipients_fi/sv/en. Tyhjä: Taltion mukana toimitettu teksti asiakkaan kielellä (asiaa käsittelevä henkilöstö, tallenteita säilyttävät käsittelijät, viranomaiset lain niin vaatiessa).</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to (GDPR Art. 13(2)(d)), shown in every language without its own org.complaints_fi/sv/en. Empty: the Data Protection Ombudsman (tietosuoja.fi), named in the customer's language.</source>
        <translation>Valvontaviranomainen, jolle asiakas voi tehdä valituksen (tietosuoja-asetuksen 13 artiklan 2 kohdan d alakohta), näytetään kaikilla kielillä, joille ei ole omaa asetusta org.complaints_fi/sv/en. Tyhjä: tietosuojavaltuutettu (tietosuoja.fi) asiakkaan kielellä.</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in Finnish; overrides org.recipients for that language.</source>
        <translation>Kenelle tallenteita luovutetaan, suomenkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.recipients tällä kielellä.</translation>
    </message>
    <message>
        <source>Recipients (Finnish)</source>
        <translation>Vastaanottajat (suomi)</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in Swedish; overrides org.recipients for that language.</source>
        <translation>Kenelle tallenteita luovutetaan, ruotsinkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.recipients tällä kielellä.</translation>
    </message>
    <message>
        <source>Recipients (Swedish)</source>
        <translation>Vastaanottajat (ruotsi)</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in English; overrides org.recipients for that language.</source>
        <translation>Kenelle tallenteita luovutetaan, englanninkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.recipients tällä kielellä.</translation>
    </message>
    <message>
        <source>Recipients (English)</source>
        <translation>Vastaanottajat (englanti)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in Finnish; overrides org.legal_basis for that language.</source>
        <translation>Tallentamisen oikeusperuste suomenkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.legal_basis tällä kielellä.</translation>
    </message>
    <message>
        <source>Legal basis (Finnish)</source>
        <translation>Oikeusperuste (suomi)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in Swedish; overrides org.legal_basis for that language.</source>
        <translation>Tallentamisen oikeusperuste ruotsinkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.legal_basis tällä kielellä.</translation>
    </message>
    <message>
        <source>Legal basis (Swedish)</source>
        <translation>Oikeusperuste (ruotsi)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in English; overrides org.legal_basis for that language.</source>
        <translation>Tallentamisen oikeusperuste englanninkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.legal_basis tällä kielellä.</translation>
    </message>
    <message>
        <source>Legal basis (English)</source>
        <translation>Oikeusperuste (englanti)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in Finnish; overrides org.complaints for that language.</source>
        <translation>Valvontaviranomainen, jolle asiakas voi tehdä valituksen, suomenkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.complaints tällä kielellä.</translation>
    </message>
    <message>
        <source>Supervisory authority (Finnish)</source>
        <translation>Valvontaviranomainen (suomi)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in Swedish; overrides org.complaints for that language.</source>
        <translation>Valvontaviranomainen, jolle asiakas voi tehdä valituksen, ruotsinkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.complaints tällä kielellä.</translation>
    </message>
    <message>
        <source>Supervisory authority (Swedish)</source>
        <translation>Valvontaviranomainen (ruotsi)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in English; overrides org.complaints for that language.</source>
        <translation>Valvontaviranomainen, jolle asiakas voi tehdä valituksen, englanninkieliselle asiakkaalle kerrottuna; korvaa asetuksen org.complaints tällä kielellä.</translation>
    </message>
    <message>
        <source>Supervisory authority (English)</source>
        <translation>Valvontaviranomainen (englanti)</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <source>Call</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Suunta</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Tarkistus</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>saapuva</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>lähtevä</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>tallennettu</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>keskeytynyt</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>tallennus kielletty</translation>
    </message>
    <message>
        <source>private</source>
        <translation>yksityinen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>epäonnistui</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ei tallennettu</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Tarkistetaan…</translation>
    </message>
    <message>
        <source>✔ Verified</source>
        <translation>✔ Varmennettu</translation>
    </message>
    <message>
        <source>✖ Failed</source>
        <translation>✖ Epäonnistui</translation>
    </message>
    <message>
        <source>The signature, signer, hashes and notice time are being checked</source>
        <translation>Allekirjoitusta, allekirjoittajaa, tiivisteitä ja ilmoituksen aikaa tarkistetaan</translation>
    </message>
    <message>
        <source>Signature, trusted signer, hashes, segments and notice time checked</source>
        <translation>Allekirjoitus, luotettu allekirjoittaja, tiivisteet, osat ja ilmoituksen aika tarkistettu</translation>
    </message>
    <message>
        <source>Verification failed: {reasons}</source>
        <translation>Tarkistus epäonnistui: {reasons}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <source>%n call(s) could not be checked for the number (no index key or identity).</source>
        <translation>
            <numerusform>Yhtä puhelua ei voitu tarkistaa tämän numeron osalta (ei indeksiavainta eikä tunnistetta).</numerusform>
            <numerusform>%n puhelua ei voitu tarkistaa tämän numeron osalta (ei indeksiavainta eikä tunnistetta).</numerusform>
        </translation>
    </message>
    <message>
        <source>Taltio: review calls</source>
        <translation>Taltio: puheluiden tarkastelu</translation>
    </message>
    <message>
        <source>Customer's &amp;number</source>
        <translation>Asiakkaan &amp;numero</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>Asiakas&amp;palvelija</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Alkaen</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>A&amp;sti</translation>
    </message>
    <message>
        <source>any number, e.g. +358401234567</source>
        <translation>mikä tahansa numero, esim. +358401234567</translation>
    </message>
    <message>
        <source>any agent</source>
        <translation>kuka tahansa asiakaspalvelija</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Hae</translation>
    </message>
    <message>
        <source>Search the store (Ctrl+F goes to the number)</source>
        <translation>Hae tallennetuista puheluista (Ctrl+F siirtyy numeroon)</translation>
    </message>
    <message>
        <source>Calls found</source>
        <translation>Löydetyt puhelut</translation>
    </message>
    <message>
        <source>Enter opens the call, Space plays or pauses it</source>
        <translation>Enter avaa puhelun, välilyönti toistaa tai keskeyttää sen</translation>
    </message>
    <message>
        <source>&amp;Export for the data subject…</source>
        <translation>&amp;Vie rekisteröidylle…</translation>
    </message>
    <message>
        <source>Export the selected calls into a folder (Ctrl+E)</source>
        <translation>Vie valitut puhelut kansioon (Ctrl+E)</translation>
    </message>
    <message>
        <source>Search by number, agent or dates; nothing is read until you search.</source>
        <translation>Hae numerolla, asiakaspalvelijalla tai päivämäärillä; mitään ei lueta ennen hakua.</translation>
    </message>
    <message>
        <source>Could not finish: {message}</source>
        <translation>Ei onnistunut: {message}</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Loppupäivä on ennen alkupäivää.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Haetaan…</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) found; checking each…</source>
        <translation>
            <numerusform>%n puhelu löytyi; tarkistetaan…</numerusform>
            <numerusform>%n puhelua löytyi; tarkistetaan jokainen…</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation>Ei osumia.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) found.</source>
        <translation>
            <numerusform>%n puhelu löytyi.</numerusform>
            <numerusform>%n puhelua löytyi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed verification: see the badge's tooltip.</source>
        <translation>
            <numerusform>%n ei läpäissyt tarkistusta: katso merkin työkaluvihje.</numerusform>
            <numerusform>%n ei läpäissyt tarkistusta: katso merkkien työkaluvihjeet.</numerusform>
        </translation>
    </message>
    <message>
        <source>All verified.</source>
        <translation>Kaikki varmennettu.</translation>
    </message>
    <message>
        <source>Opening the call {call}…</source>
        <translation>Avataan puhelua {call}…</translation>
    </message>
    <message>
        <source>Ready to play: Space plays and pauses.</source>
        <translation>Valmis toistoon: välilyönti toistaa ja keskeyttää.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Tauko</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Toista</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Toista tai keskeytä (välilyönti)</translation>
    </message>
    <message>
        <source>No call open: select one and press Enter.</source>
        <translation>Ei avointa puhelua: valitse puhelu ja paina Enter.</translation>
    </message>
    <message>
        <source>Call {call} by {agent}, {date} ({verdict})</source>
        <translation>Puhelu {call}, {agent}, {date} ({verdict})</translation>
    </message>
    <message>
        <source>Export into which folder?</source>
        <translation>Mihin kansioon viedään?</translation>
    </message>
    <message>
        <source>Select the calls to export first.</source>
        <translation>Valitse ensin vietävät puhelut.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n call(s)…</source>
        <translation>
            <numerusform>Viedään %n puhelu…</numerusform>
            <numerusform>Viedään %n puhelua…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Viety: {path}</translation>
    </message>
</context>
<context>
    <name>WaveformWidget</name>
    <message>
        <source>Bookmark {n}: {label}</source>
        <translation>Kirjanmerkki {n}: {label}</translation>
    </message>
    <message>
        <source>Bookmark {n}</source>
        <translation>Kirjanmerkki {n}</translation>
    </message>
    <message>
        <source>Paused ({reason})</source>
        <translation>Tauko ({reason})</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Waveform of the call</source>
        <translation>Puhelun aaltomuoto</translation>
    </message>
    <message>
        <source>Upper: the agent; lower: the customer. {marks} bookmark(s), {pauses} pause(s). Left and Right seek 5 seconds, Page Up and Page Down go to the previous or next marker.</source>
        <translation>Ylempänä asiakaspalvelija, alempana asiakas. Kirjanmerkkejä {marks}, taukoja {pauses}. Vasen ja oikea nuoli siirtävät 5 sekuntia, Page Up ja Page Down edelliseen tai seuraavaan merkkiin.</translation>
    </message>
</context>
<context>
    <name>ChecksWindow</name>
    <message>
        <source>Checking this computer…</source>
        <translation>Tarkistetaan tätä tietokonetta…</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n ongelma löytyi.</numerusform>
            <numerusform>%n ongelmaa löytyi.</numerusform>
        </translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Kaikki tarkistukset menivät läpi.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Kunnossa</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varoitus</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ongelma</translation>
    </message>
    <message>
        <source>Copied: paste it into your message to IT.</source>
        <translation>Kopioitu: liitä se viestiisi IT-tuelle.</translation>
    </message>
    <message>
        <source>Taltio: check this computer</source>
        <translation>Taltio: tarkista tämä tietokone</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Tarkista uudelleen</translation>
    </message>
    <message>
        <source>Copy for IT</source>
        <translation>Kopioi IT-tuelle</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
</context>
</TS>
