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
        <location line="+143"/>
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
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../../desktop/taltio/ui/tray.py" line="+192"/>
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
        <source>Quit Taltio</source>
        <translation>Lopeta Taltio</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taltio: {status}</source>
        <translation>Taltio: {status}</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location line="-104"/>
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
</context>
<context>
    <name>TaltioApp</name>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="+171"/>
        <source>Your organisation has set the language of Taltio; it cannot be changed here.</source>
        <translation>Organisaatiosi on määrittänyt Taltion kielen, eikä sitä voi muuttaa täällä.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language could not be saved: {error}</source>
        <translation>Kielivalintaa ei voitu tallentaa: {error}</translation>
    </message>
    <message>
        <location line="+100"/>
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
        <location line="+113"/>
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
        <location line="+5"/>
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
        <location line="+2"/>
        <source>Ready: no call</source>
        <translation>Valmis: ei puhelua</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop/taltio/core/controller.py" line="+31"/>
        <source>no active call with id &apos;{call}&apos;</source>
        <translation>tunnuksella &apos;{call}&apos; ei ole käynnissä olevaa puhelua</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>&apos;{event}&apos; needs an active call, and there is none</source>
        <translation>&apos;{event}&apos; vaatii käynnissä olevan puhelun, eikä sellaista ole</translation>
    </message>
    <message>
        <location line="+72"/>
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
        <location line="+24"/>
        <source>call id &apos;{call}&apos; was already used for an ended call</source>
        <translation>puhelutunnus &apos;{call}&apos; on jo käytetty päättyneelle puhelulle</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Not recording: the calls waiting for upload fill this computer&apos;s quota ({used} of {quota} MB); recording resumes when uploads make room: check the network</source>
        <translation>Ei tallenneta: lähetystä odottavat puhelut täyttävät tämän koneen kiintiön ({used}/{quota} Mt); tallennus jatkuu, kun lähetykset vapauttavat tilaa: tarkista verkkoyhteys</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location filename="../../desktop/taltio/core/session.py" line="+95"/>
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
        <location filename="../../desktop/taltio/adapters/audio_portaudio.py" line="+36"/>
        <location filename="../../desktop/taltio/adapters/audio_pulse.py" line="+62"/>
        <source>&apos;{device}&apos; stopped (unplugged, or the audio server restarted)</source>
        <translation>&apos;{device}&apos; pysähtyi (irrotettu, tai äänipalvelin käynnistyi uudelleen)</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="-230"/>
        <source>Taltio cannot record: {problem}</source>
        <translation>Taltio ei voi tallentaa: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/events.py" line="+88"/>
        <source>&apos;{value}&apos; is not a phone number (digits, optional leading +)</source>
        <translation>&apos;{value}&apos; ei ole puhelinnumero (numeroita, alussa mahdollisesti +)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>unknown event &apos;{event}&apos;; expected one of: {events}</source>
        <translation>tuntematon tapahtuma &apos;{event}&apos;; odotettiin jotakin näistä: {events}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a label, reason or queue must be text</source>
        <translation>nimen, syyn tai jonon on oltava tekstiä</translation>
    </message>
</context>
</TS>
