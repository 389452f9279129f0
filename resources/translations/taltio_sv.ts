<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/devices_dialog.py" line="+23"/>
        <source>set by your organisation</source>
        <translation>inställt av din organisation</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Taltio: audio devices</source>
        <translation>Taltio: ljudenheter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speak into your headset and play something in the softphone: both bars should move.</source>
        <translation>Tala i headsetet och spela upp något i mjukvarutelefonen: båda staplarna ska röra sig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your headset microphone</source>
        <translation>Din headsetmikrofon</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>If it is unplugged, use</source>
        <translation>Om den kopplas ur, använd</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Customer&apos;s side (softphone output)</source>
        <translation>Kundens sida (mjukvarutelefonens ljudutgång)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Microphone level</source>
        <translation>Mikrofonnivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s side level</source>
        <translation>Nivå på kundens sida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggested for the customer&apos;s side: &lt;b&gt;{device}&lt;/b&gt;, which carries what the softphone plays.</source>
        <translation>Förslag för kundens sida: &lt;b&gt;{device}&lt;/b&gt;, som fångar upp det som mjukvarutelefonen spelar upp.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggested for the customer&apos;s side: &lt;b&gt;{device}&lt;/b&gt;, which carries what your default output plays.</source>
        <translation>Förslag för kundens sida: &lt;b&gt;{device}&lt;/b&gt;, som fångar upp det som din standardljudutgång spelar upp.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing: mark a gap and wait for it to return</source>
        <translation>Ingenting: markera ett avbrott och vänta tills den är tillbaka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}  (suggested)</source>
        <translation>{device}  (föreslagen)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Could not save: {error}</source>
        <translation>Det gick inte att spara: {error}</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <location filename="../../desktop/taltio/ui/notice_card.py" line="+19"/>
        <source>Call ringing: prepare the notice</source>
        <translation>Samtalet ringer: förbered meddelandet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the notice, then start recording</source>
        <translation>Läs upp meddelandet och starta sedan inspelningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● Recording</source>
        <translation>● Spelar in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>❚❚ Paused: nothing is recorded</source>
        <translation>❚❚ Paus: ingenting spelas in</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Taltio: call recording</source>
        <translation>Taltio: samtalsinspelning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice language: {language}</source>
        <translation>Meddelandets språk: {language}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asks about the recording</source>
        <translation>Kunden frågar om inspelningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice given: start recording</source>
        <translation>Meddelandet uppläst: starta inspelningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer declined</source>
        <translation>Kunden avböjde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private call</source>
        <translation>Privat samtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause (card data)</source>
        <translation>Paus (kortuppgifter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume recording</source>
        <translation>Återuppta inspelningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark agreement</source>
        <translation>Markera avtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a label to the last agreement mark</source>
        <translation>Lägg till en etikett på den senaste avtalsmarkeringen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Incoming call {number}</source>
        <translation>Inkommande samtal {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outgoing call {number}</source>
        <translation>Utgående samtal {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call {number}</source>
        <translation>Samtal {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>❚❚ On hold: nothing is recorded</source>
        <translation>❚❚ I väntläge: ingenting spelas in</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recording started on answer: read this to the customer now:</source>
        <translation>Inspelningen startade när samtalet besvarades: läs upp detta för kunden nu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read this to the customer before recording:</source>
        <translation>Läs upp detta för kunden före inspelningen:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Agreement marked at {time}: {label}</source>
        <translation>Avtal markerat vid {time}: {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change label…</source>
        <translation>Ändra etikett…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreement marked at {time}</source>
        <translation>Avtal markerat vid {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add label…</source>
        <translation>Lägg till etikett…</translation>
    </message>
    <message>
        <source>✖ NOT recorded: recording failed</source>
        <translation>✖ Spelas INTE in: inspelningen misslyckades</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/preferences.py" line="+54"/>
        <source>Set by your organisation</source>
        <translation>Inställt av din organisation</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Taltio: preferences</source>
        <translation>Taltio: inställningar</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The computer&apos;s language</source>
        <translation>Datorns språk</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not saved: {error}</source>
        <translation>Inte sparat: {error}</translation>
    </message>
</context>
<context>
    <name>StaffNoticeDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/staff_notice.py" line="+45"/>
        <source>Taltio: how your calls are recorded</source>
        <translation>Taltio: så spelas dina samtal in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please read how call recording works on this workstation.</source>
        <translation>Läs hur samtalsinspelningen fungerar på den här arbetsstationen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff notice text</source>
        <translation>Personalinformationens text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have read this</source>
        <translation>Jag har läst detta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge the staff notice</source>
        <translation>Bekräfta att du har läst personalinformationen</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <location filename="../../desktop/taltio/ui/pill.py" line="+123"/>
        <source>Ready: no call</source>
        <translation>Redo: inget samtal</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>REC {time}</source>
        <translation>INSPELNING {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PAUSED {time}</source>
        <translation>PAUS {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} {time}</source>
        <translation>{label} {time}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>REC</source>
        <translation>INSPELNING</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PAUSED</source>
        <translation>PAUS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PRIVATE – not recorded</source>
        <translation>PRIVAT – spelas inte in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DECLINED – not recorded</source>
        <translation>AVBÖJT – spelas inte in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>READ NOTICE – not recording</source>
        <translation>LÄS MEDDELANDET – spelar inte in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WARNING</source>
        <translation>VARNING</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ERROR</source>
        <translation>FEL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UPLOADING</source>
        <translation>LADDAR UPP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LOCAL – not recording</source>
        <translation>LOKAL – spelar inte in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT RECORDING</source>
        <translation>SPELAR INTE IN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taltio recording status</source>
        <translation>Taltio: inspelningsstatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status symbol</source>
        <translation>Statussymbol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording status</source>
        <translation>Inspelningsstatus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Taltio: {text}</source>
        <translation>Taltio: {text}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taltio status: {short}</source>
        <translation>Taltio-status: {short}</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Starta samtal…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Avsluta samtal</translation>
    </message>
    <message>
        <source>Call actions</source>
        <translation>Samtalsåtgärder</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../../desktop/taltio/ui/tray.py" line="+204"/>
        <source>Show call card</source>
        <translation>Visa samtalskortet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next call is private</source>
        <translation>Nästa samtal är privat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio devices…</source>
        <translation>Ljudenheter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by your organisation</source>
        <translation>Inställt av din organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Taltio…</source>
        <translation>Om Taltio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Taltio</source>
        <translation>Avsluta Taltio</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taltio: {status}</source>
        <translation>Taltio: {status}</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Starta samtal…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Avsluta samtal</translation>
    </message>
    <message>
        <source>Check this computer…</source>
        <translation>Kontrollera den här datorn…</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location line="-114"/>
        <source>Show call card</source>
        <translation>Visa samtalskortet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio devices…</source>
        <translation>Ljudenheter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next call is private</source>
        <translation>Nästa samtal är privat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Taltio…</source>
        <translation>Om Taltio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>Inställningar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Language of Taltio&apos;s screens</source>
        <translation>Språk i Taltios fönster</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Set by your organisation</source>
        <translation>Inställt av din organisation</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Starta samtal…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Avsluta samtal</translation>
    </message>
    <message>
        <source>Check this computer…</source>
        <translation>Kontrollera den här datorn…</translation>
    </message>
</context>
<context>
    <name>TaltioApp</name>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="+174"/>
        <source>the policy {targets} has expired; it stays in force until a new version is published</source>
        <translation>policyn {targets} har gått ut; den gäller tills en ny version publiceras</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+7"/>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Taltio {version}</source>
        <translation>Taltio {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor policy in force: {policy}</source>
        <translation>Gällande chefspolicy: {policy}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: {reason}</source>
        <translation>Avvisad: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machine policy: {source}</source>
        <translation>Datorpolicy: {source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Taltio</source>
        <translation>Om Taltio</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Your organisation has set the language of Taltio; it cannot be changed here.</source>
        <translation>Din organisation har ställt in språket i Taltio; det kan inte ändras här.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language could not be saved: {error}</source>
        <translation>Språkvalet kunde inte sparas: {error}</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Agreement mark</source>
        <translation>Avtalsmarkering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was agreed? (a few words; no card or customer numbers)</source>
        <translation>Vad kom ni överens om? (några ord; inga kort- eller kundnummer)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Private call</source>
        <translation>Privat samtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this call private? (kept in the local log, never any audio)</source>
        <translation>Varför är samtalet privat? (Orsaken sparas bara i den här datorns logg, inget ljud spelas in.)</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>softphone: {state}</source>
        <translation>telefonprogram: {state}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not recording: configuration problem</source>
        <translation>Spelar inte in: fel i inställningarna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording is switched off by your organisation</source>
        <translation>Inspelningen är avstängd av din organisation</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n recording(s) waiting for upload</source>
        <translation>
            <numerusform>%n inspelning väntar på uppladdning</numerusform>
            <numerusform>%n inspelningar väntar på uppladdning</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(oldest {age})</source>
        <translation>(äldsta {age})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last upload error: {error}</source>
        <translation>senaste uppladdningsfel: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a supervisor policy was refused: {reason}</source>
        <translation>en chefspolicy avvisades: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Private call: NOT recorded</source>
        <translation>Privat samtal: spelas INTE in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer declined: NOT recorded</source>
        <translation>Kunden avböjde: spelas INTE in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording failed</source>
        <translation>Inspelningen misslyckades</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording call {number} ({seconds} s)</source>
        <translation>Spelar in samtal {number} ({seconds} s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call on hold: nothing is recorded</source>
        <translation>Samtal i väntläge: ingenting spelas in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call waiting: nothing is recorded</source>
        <translation>Samtal väntar: ingenting spelas in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused {time}: nothing is recorded</source>
        <translation>Paus {time}: ingenting spelas in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call active: read the notice; not recording yet</source>
        <translation>Samtal pågår: läs upp meddelandet; ingen inspelning ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next call is private: it will not be recorded</source>
        <translation>Nästa samtal är privat: det spelas inte in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last call was private: not recorded</source>
        <translation>Förra samtalet var privat: spelades inte in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last call declined: not recorded</source>
        <translation>Kunden avböjde i förra samtalet: spelades inte in</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n recording(s) waiting: storage unreachable</source>
        <translation>
            <numerusform>%n inspelning väntar: lagringen kan inte nås</numerusform>
            <numerusform>%n inspelningar väntar: lagringen kan inte nås</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Uploading %n recording(s)</source>
        <translation>
            <numerusform>Laddar upp %n inspelning</numerusform>
            <numerusform>Laddar upp %n inspelningar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved to {place}</source>
        <translation>Sparas i {place}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standalone: recordings stay on this computer</source>
        <translation>Fristående: inspelningarna stannar på den här datorn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting: not recording yet</source>
        <translation>Startar: spelar inte in ännu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready: no call</source>
        <translation>Redo: inget samtal</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>Starta samtal</translation>
    </message>
    <message>
        <source>The customer&apos;s number (optional). The notice card opens next, as for any call.</source>
        <translation>Kundens nummer (frivilligt). Sedan öppnas samtalskortet, som för alla samtal.</translation>
    </message>
    <message>
        <source>Recording does not pause by itself on this desktop when the payment window opens: press Pause while card details are given.</source>
        <translation>Inspelningen pausas inte av sig själv på det här skrivbordet när betalningsfönstret öppnas: tryck på Paus medan kortuppgifterna lämnas.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop/taltio/core/controller.py" line="+32"/>
        <source>no active call with id &apos;{call}&apos;</source>
        <translation>inget pågående samtal med id &apos;{call}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} calls are active and &apos;{event}&apos; does not say which: pass --call-id ID or --number N</source>
        <translation>{count} samtal pågår och &apos;{event}&apos; säger inte vilket: ange --call-id ID eller --number N</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>no active call with number {number}</source>
        <translation>inget pågående samtal med numret {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} active calls have the number {number}: pass --call-id ID</source>
        <translation>{count} pågående samtal har numret {number}: ange --call-id ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{event}&apos; needs an active call, and there is none</source>
        <translation>&apos;{event}&apos; kräver ett pågående samtal, och det finns inget</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>unknown language &apos;{language}&apos;; use one of {languages}</source>
        <translation>okänt språk &apos;{language}&apos;; använd något av {languages}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Paused for {paused}: resume when the card details are done; recording resumes by itself at {limit}</source>
        <translation>Pausad i {paused}: återuppta när kortuppgifterna är klara; inspelningen återupptas av sig själv vid {limit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused for {paused}: resume when the card details are done</source>
        <translation>Pausad i {paused}: återuppta när kortuppgifterna är klara</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>your organisation does not allow marking calls private; every call is recorded</source>
        <translation>din organisation tillåter inte att samtal markeras som privata; alla samtal spelas in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this number is a business line: its calls cannot be marked private</source>
        <translation>det här numret är en företagslinje: dess samtal kan inte markeras som privata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give a short reason to mark this call private (taltio hook private --reason TEXT)</source>
        <translation>ange en kort orsak för att markera samtalet som privat (taltio hook private --reason TEXT)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>you have marked {count} calls private today, the most your organisation allows</source>
        <translation>du har markerat {count} samtal som privata i dag, det största antal din organisation tillåter</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>call id &apos;{call}&apos; was already used for an ended call</source>
        <translation>samtals-id &apos;{call}&apos; har redan använts för ett avslutat samtal</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Not recording: the calls waiting for upload fill this computer&apos;s quota ({used} of {quota} MB); recording resumes when uploads make room: check the network</source>
        <translation>Spelar inte in: samtalen som väntar på uppladdning fyller datorns kvot ({used} av {quota} MB); inspelningen fortsätter när uppladdningarna frigör utrymme: kontrollera nätverket</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>new calls will not be recorded when it is full</source>
        <translation>nya samtal spelas inte in när den är full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recording continues</source>
        <translation>inspelningen fortsätter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload queue nearly full: {used} of {quota} MB wait for upload; {then}</source>
        <translation>Uppladdningskön är nästan full: {used} av {quota} MB väntar på uppladdning; {then}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s disk is full ({free} KB free): recordings cannot be saved until disk space is freed</source>
        <translation>Datorns disk är full ({free} KB ledigt): inspelningar kan inte sparas förrän diskutrymme frigörs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recording: this computer&apos;s disk is full ({free} KB free); recording resumes when disk space is freed</source>
        <translation>Spelar inte in: datorns disk är full ({free} KB ledigt); inspelningen fortsätter när diskutrymme frigörs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save this call&apos;s audio: the disk is full. It is kept in memory until there is room: free disk space now</source>
        <translation>Samtalets ljud kan inte sparas: disken är full. Det hålls i minnet tills det finns plats: frigör diskutrymme nu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save this call&apos;s audio ({error}): it is kept in memory until it can be saved</source>
        <translation>Samtalets ljud kan inte sparas ({error}): det hålls i minnet tills det kan sparas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Uploads are behind: {count} calls waiting, the oldest for {age}; check the network</source>
        <translation>Uppladdningarna ligger efter: {count} samtal väntar, det äldsta i {age}; kontrollera nätverket</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>your microphone</source>
        <translation>din mikrofon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer&apos;s side</source>
        <translation>kundens sida</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>switching to the fallback device</source>
        <translation>byter till reservenheten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for it to return</source>
        <translation>väntar på att den kommer tillbaka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not hearing {side}: &apos;{device}&apos; stopped ({cause}); {then}</source>
        <translation>Hör inte {side}: &apos;{device}&apos; slutade ({cause}); {then}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hearing {side} through the fallback &apos;{device}&apos; until &apos;{preferred}&apos; returns</source>
        <translation>Hör {side} via reservenheten &apos;{device}&apos; tills &apos;{preferred}&apos; är tillbaka</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your microphone has been silent for {seconds} s: check the headset and the call</source>
        <translation>Din mikrofon har varit tyst i {seconds} s: kontrollera headsetet och samtalet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer has been silent for {seconds} s: check the headset and the call</source>
        <translation>Kunden har varit tyst i {seconds} s: kontrollera headsetet och samtalet</translation>
    </message>
    <message>
        <source>The computer is too busy: {side} fell {ms} ms out of step and was lined up again; the recording&apos;s manifest notes it</source>
        <translation>Datorn är för belastad: {side} kom {ms} ms ur takt och synkades om; inspelningens manifest noterar det</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/capture.py" line="+183"/>
        <source>no audio from the device for 0.5 s</source>
        <translation>inget ljud från enheten på 0,5 s</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the device delivered no audio</source>
        <translation>enheten gav inget ljud</translation>
    </message>
    <message>
        <source>the call ended before the device delivered audio</source>
        <translation>samtalet slutade innan enheten gav ljud</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>could not start: {error}</source>
        <translation>kunde inte starta: {error}</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>switching back to &apos;{device}&apos;</source>
        <translation>byter tillbaka till &apos;{device}&apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/session.py" line="+98"/>
        <source>call {call} is {state}; cannot go to {target}</source>
        <translation>samtalet {call} är {state}; kan inte gå till {target}</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+19"/>
        <source>call {call} is marked {outcome}; it will not be recorded</source>
        <translation>samtalet {call} är markerat: {outcome}; det spelas inte in</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>the call is not answered yet; give the notice once the customer is on the line</source>
        <translation>samtalet är inte besvarat ännu; ge meddelandet när kunden är i luren</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>call {call} is not recording; nothing to pause</source>
        <translation>samtalet {call} spelas inte in; inget att pausa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>call {call} is not paused</source>
        <translation>samtalet {call} är inte pausat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>call {call} is not being recorded; nothing to bookmark</source>
        <translation>samtalet {call} spelas inte in; inget att markera</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the call has ended; its agreement mark was kept without a label</source>
        <translation>samtalet har avslutats; avtalsmarkeringen sparades utan etikett</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>call {call} has no agreement mark to label</source>
        <translation>samtal {call} har ingen avtalsmarkering att sätta etikett på</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the call is private; nothing is recorded anyway</source>
        <translation>samtalet är privat; inget spelas in ändå</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="-252"/>
        <source>Taltio cannot record: {problem}</source>
        <translation>Taltio kan inte spela in: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/events.py" line="+94"/>
        <source>&apos;{value}&apos; is not a phone number (digits, optional leading +)</source>
        <translation>&apos;{value}&apos; är inte ett telefonnummer (siffror, eventuellt inledande +)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>unknown event &apos;{event}&apos;; expected one of: {events}</source>
        <translation>okänd händelse &apos;{event}&apos;; förväntade något av: {events}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a call id or number must be text</source>
        <translation>ett samtals-id eller nummer måste vara text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a label, reason or queue must be text</source>
        <translation>en etikett, ett skäl eller en kö måste vara text</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/policy.py" line="+220"/>
        <source>The {target} policy has no signature. Ask the supervisor to sign it (taltio-admin policy sign) and publish it again.</source>
        <translation>Policyn {target} saknar signatur. Be chefen signera den (taltio-admin policy sign) och publicera den igen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>The {target} policy&apos;s signature is not an SSH signature ({detail}). Ask the supervisor to sign and publish it again.</source>
        <translation>Signaturen för policyn {target} är inte en SSH-signatur ({detail}). Be chefen signera och publicera den igen.</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+57"/>
        <source>The {target} policy&apos;s {part} is cut short (truncated). Publish it again; if it keeps happening, check the storage and the network.</source>
        <translation>Policyns {target} del {part} är avkortad. Publicera den igen; om det fortsätter, kontrollera lagringen och nätverket.</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The {target} policy does not match its signature: it was changed after it was signed, or the signature belongs to another document. Ask the supervisor to sign and publish it again.</source>
        <translation>Policyn {target} stämmer inte med sin signatur: den har ändrats efter signeringen, eller signaturen hör till ett annat dokument. Be chefen signera och publicera den igen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The {target} policy is signed by a key this workstation does not trust ({key}). IT lists the supervisors&apos; keys in policy.allowed_signers.</source>
        <translation>Policyn {target} är signerad med en nyckel som den här arbetsstationen inte litar på ({key}). IT anger chefernas nycklar i policy.allowed_signers.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+135"/>
        <source>The {target} policy is not a valid policy document ({detail}). Create it with taltio-admin policy new/edit and publish it again.</source>
        <translation>Policyn {target} är inte ett giltigt policydokument ({detail}). Skapa den med taltio-admin policy new/edit och publicera den igen.</translation>
    </message>
    <message>
        <location line="-130"/>
        <location line="+55"/>
        <location line="+45"/>
        <source>The {target} policy gives &apos;{key}&apos; a wrong value: it must be {expected}, not {actual}. Fix it with taltio-admin policy edit and publish it again.</source>
        <translation>Policyn {target} ger &apos;{key}&apos; ett felaktigt värde: det måste vara {expected}, inte {actual}. Rätta det med taltio-admin policy edit och publicera den igen.</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>The {target} policy has a field this version of Taltio does not know: &apos;{key}&apos;. Remove it (or update Taltio) and publish it again.</source>
        <translation>Policyn {target} har ett fält som den här versionen av Taltio inte känner till: &apos;{key}&apos;. Ta bort det (eller uppdatera Taltio) och publicera den igen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The {target} policy&apos;s version must be a whole number from 1 to {max}.</source>
        <translation>Versionen för policyn {target} måste vara ett heltal från 1 till {max}.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The {target} policy sets &apos;{key}&apos;, which is not a setting this version of Taltio knows (see docs/configuration.md). Remove it and publish it again.</source>
        <translation>Policyn {target} sätter &apos;{key}&apos;, som inte är en inställning som den här versionen av Taltio känner till (se docs/configuration.md). Ta bort den och publicera policyn igen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {target} policy sets &apos;{key}&apos;, which only IT may set (machine policy), never a supervisor policy. Remove it and publish it again.</source>
        <translation>Policyn {target} sätter &apos;{key}&apos;, som bara IT får ställa in (datorpolicy), aldrig en chefspolicy. Ta bort den och publicera policyn igen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The {target} policy gives &apos;{key}&apos; a value it cannot use: {detail}. Fix it with taltio-admin policy edit and publish it again.</source>
        <translation>Policyn {target} ger &apos;{key}&apos; ett värde som inte kan användas: {detail}. Rätta det med taltio-admin policy edit och publicera den igen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The policy published as {target} is written for {actual}. Publish each document under its own target&apos;s name (taltio-admin policy publish does).</source>
        <translation>Policyn som publicerats som {target} är skriven för {actual}. Publicera varje dokument under sitt eget måls namn (taltio-admin policy publish gör det).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The {target} policy has version {version}, but version {current} is already in force: this is an older or a different copy. Publish changes with a higher version (taltio-admin policy new or edit raise it).</source>
        <translation>Policyn {target} har version {version}, men version {current} gäller redan: detta är en äldre eller annan kopia. Publicera ändringar med en högre version (taltio-admin policy new eller edit höjer den).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The {target} policy expired at {expires_at}. The supervisor must publish a new version (or check this computer&apos;s clock).</source>
        <translation>Policyn {target} gick ut {expires_at}. Chefen måste publicera en ny version (eller kontrollera datorns klocka).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {target} policy is issued in the future ({issued_at}). Check this computer&apos;s clock and the supervisor&apos;s.</source>
        <translation>Policyn {target} är utfärdad i framtiden ({issued_at}). Kontrollera den här datorns och chefens klockor.</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/policy_sync.py" line="+96"/>
        <location line="+5"/>
        <source>The saved {target} policy on this computer was changed; it is no longer applied. The next fetch from storage replaces it.</source>
        <translation>Den sparade policyn {target} på den här datorn har ändrats; den tillämpas inte längre. Nästa hämtning från lagringen ersätter den.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The {target} policy in force (version {version}) is no longer in storage. It stays in force; to withdraw settings, publish a new version without them.</source>
        <translation>Den gällande policyn {target} (version {version}) finns inte längre i lagringen. Den fortsätter att gälla; för att dra tillbaka inställningar, publicera en ny version utan dem.</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/adapters/audio_portaudio.py" line="+37"/>
        <location filename="../../desktop/taltio/adapters/audio_pulse.py" line="+63"/>
        <source>unplugged, or the audio server restarted</source>
        <translation>urkopplad, eller så startades ljudservern om</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a shortcut: write keys joined by +, e.g. Ctrl+Alt+Shift+S</source>
        <translation>&apos;{text}&apos; är inget kortkommando: skriv tangenterna sammanfogade med +, t.ex. Ctrl+Alt+Shift+S</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; in &apos;{text}&apos; is not a modifier: use Ctrl, Alt, Shift or Meta</source>
        <translation>&apos;{part}&apos; i &apos;{text}&apos; är ingen modifieringstangent: använd Ctrl, Alt, Shift eller Meta</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; in &apos;{text}&apos; is not a key a shortcut can use: a letter, a digit, F1-F24, or one of {named}</source>
        <translation>&apos;{key}&apos; i &apos;{text}&apos; kan inte användas i ett kortkommando: använd en bokstav, en siffra, F1-F24 eller någon av {named}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; would take the key from every program the agent types in: add Ctrl, Alt or Meta</source>
        <translation>&apos;{text}&apos; skulle ta tangenten från alla program som agenten skriver i: lägg till Ctrl, Alt eller Meta</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>Starta samtal</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Avsluta samtal</translation>
    </message>
    <message>
        <source>The shortcut {keys} ({action}) is used by another program: choose another in Preferences.</source>
        <translation>Kortkommandot {keys} ({action}) används av ett annat program: välj ett annat under Inställningar.</translation>
    </message>
    <message>
        <source>The shortcut {keys} ({action}) names a key this keyboard does not have: choose another in Preferences.</source>
        <translation>Kortkommandot {keys} ({action}) använder en tangent som det här tangentbordet saknar: välj ett annat under Inställningar.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts for calls do not work on this desktop: use the tray menu or the status pill.</source>
        <translation>Kortkommandon för samtal fungerar inte på det här skrivbordet: använd menyn i meddelandefältet eller statusbrickan.</translation>
    </message>
    <message>
        <source>{path} already exists with other content; refusing to overwrite</source>
        <translation>{path} finns redan med annat innehåll; den skrivs inte över</translation>
    </message>
    <message>
        <source>copy to {path} did not verify (checksum differs)</source>
        <translation>kopian till {path} stämde inte (kontrollsumman skiljer sig)</translation>
    </message>
    <message>
        <source>cannot write to {path}: {error}</source>
        <translation>kan inte skriva till {path}: {error}</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>kan inte läsa {path}: {error}</translation>
    </message>
    <message>
        <source>folder {path} is not writable: {error}</source>
        <translation>mappen {path} går inte att skriva till: {error}</translation>
    </message>
    <message>
        <source>cannot write {key} to {path}: {error}</source>
        <translation>kan inte skriva {key} till {path}: {error}</translation>
    </message>
    <message>
        <source>cannot read {key} from {path}: {error}</source>
        <translation>kan inte läsa {key} från {path}: {error}</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} cannot be read ({error}); put the organisation's CA certificate (PEM) there or fix the setting</source>
        <translation>storage.ca_bundle {path} kan inte läsas ({error}); lägg organisationens CA-certifikat (PEM) där eller rätta inställningen</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} holds no PEM certificate (no '-----BEGIN CERTIFICATE-----'); export the CA as PEM (Base64), not DER</source>
        <translation>storage.ca_bundle {path} innehåller inget PEM-certifikat (ingen rad '-----BEGIN CERTIFICATE-----'); exportera CA:n som PEM (Base64), inte DER</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} is not a usable PEM CA file ({error})</source>
        <translation>storage.ca_bundle {path} är ingen användbar CA-fil i PEM-format ({error})</translation>
    </message>
    <message>
        <source>cannot reach storage at {where} through proxy {proxy} ({reason}): check storage.proxy (or HTTPS_PROXY / NO_PROXY)</source>
        <translation>lagringen på {where} nås inte via proxyn {proxy} ({reason}): kontrollera storage.proxy (eller HTTPS_PROXY / NO_PROXY)</translation>
    </message>
    <message>
        <source>storage at {where} did not answer in time (connect timeout): check the network and storage.proxy</source>
        <translation>lagringen på {where} svarade inte i tid (tidsgräns för anslutning): kontrollera nätverket och storage.proxy</translation>
    </message>
    <message>
        <source>storage at {where} stopped answering (read timeout)</source>
        <translation>lagringen på {where} slutade svara (tidsgräns för läsning)</translation>
    </message>
    <message>
        <source>storage unreachable at {where}: cannot connect ({reason})</source>
        <translation>lagringen på {where} kan inte nås: ingen anslutning ({reason})</translation>
    </message>
    <message>
        <source>storage at {where} closed the connection mid-request</source>
        <translation>lagringen på {where} stängde anslutningen mitt i en begäran</translation>
    </message>
    <message>
        <source>storage unreachable at {where}: {reason}</source>
        <translation>lagringen på {where} kan inte nås: {reason}</translation>
    </message>
    <message>
        <source>storage at {where} presented a certificate for another name (CERTIFICATE_VERIFY_FAILED: {reason}): storage.endpoint must use a host name the certificate lists</source>
        <translation>lagringen på {where} visade ett certifikat för ett annat namn (CERTIFICATE_VERIFY_FAILED: {reason}): storage.endpoint måste använda ett värdnamn som certifikatet anger</translation>
    </message>
    <message>
        <source>storage at {where} presented an expired certificate (CERTIFICATE_VERIFY_FAILED: {reason}): renew it on the storage (or check this computer's clock)</source>
        <translation>lagringen på {where} visade ett utgånget certifikat (CERTIFICATE_VERIFY_FAILED: {reason}): förnya det på lagringen (eller kontrollera datorns klocka)</translation>
    </message>
    <message>
        <source>storage at {where} presented a certificate this computer does not trust (CERTIFICATE_VERIFY_FAILED: {reason}): set storage.ca_bundle to your organisation's CA, or install it in the OS trust store (if a proxy inspects TLS, it is the proxy's CA)</source>
        <translation>lagringen på {where} visade ett certifikat som datorn inte litar på (CERTIFICATE_VERIFY_FAILED: {reason}): ange organisationens CA i storage.ca_bundle, eller installera den i operativsystemets betrodda certifikat (om en proxy granskar TLS är det proxyns CA)</translation>
    </message>
    <message>
        <source>TLS handshake with storage at {where} failed ({reason}): check that storage.endpoint has the right scheme (https://) and port, and storage.proxy</source>
        <translation>TLS-handskakningen med lagringen på {where} misslyckades ({reason}): kontrollera att storage.endpoint har rätt schema (https://) och port, samt storage.proxy</translation>
    </message>
    <message>
        <source>the host name is not known (DNS)</source>
        <translation>värdnamnet är okänt (DNS)</translation>
    </message>
    <message>
        <source>no S3 credentials: set storage.access_key_id and store the secret with `taltio enroll` (or TALTIO_S3_SECRET)</source>
        <translation>S3-uppgifter saknas: ange storage.access_key_id och spara hemligheten med `taltio enroll` (eller TALTIO_S3_SECRET)</translation>
    </message>
    <message>
        <source>{storage} stored an object that did not match its checksum: nothing more is uploaded, and every local copy is kept, until IT checks the storage (it must verify x-amz-checksum-sha256)</source>
        <translation>{storage} sparade ett objekt som inte stämde med sin kontrollsumma: inget mer laddas upp och alla lokala kopior behålls tills IT har kontrollerat lagringen (den måste verifiera x-amz-checksum-sha256)</translation>
    </message>
    <message>
        <source>cannot read {file} for upload: {error}</source>
        <translation>kan inte läsa {file} för uppladdning: {error}</translation>
    </message>
    <message>
        <source>the signature of {file} is unreadable ({error}); it cannot be uploaded</source>
        <translation>signaturen för {file} är oläsbar ({error}); den kan inte laddas upp</translation>
    </message>
    <message>
        <source>storage stored {key} with a different checksum</source>
        <translation>lagringen sparade {key} med en annan kontrollsumma</translation>
    </message>
    <message>
        <source>storage gave no upload id for {file} (the answer was cut off); retrying</source>
        <translation>lagringen gav inget uppladdnings-id för {file} (svaret avbröts); försöker igen</translation>
    </message>
    <message>
        <source>storage assembled {file} with a different checksum</source>
        <translation>lagringen satte ihop {file} med en annan kontrollsumma</translation>
    </message>
    <message>
        <source>storage accepted an object that did not match its checksum ({key}); it cannot be trusted with recordings</source>
        <translation>lagringen tog emot ett objekt som inte stämde med sin kontrollsumma ({key}); den kan inte anförtros inspelningar</translation>
    </message>
    <message>
        <source>storage refused {file}: {code}; {hint}</source>
        <translation>lagringen avvisade {file}: {code}; {hint}</translation>
    </message>
    <message>
        <source>storage refused {file}: {code}</source>
        <translation>lagringen avvisade {file}: {code}</translation>
    </message>
    <message>
        <source>{storage} refused a test write ({code}); check the access key and its policy</source>
        <translation>{storage} avvisade en testskrivning ({code}); kontrollera åtkomstnyckeln och dess behörigheter</translation>
    </message>
    <message>
        <source>the agent's key needs s3:PutObject on {arn}</source>
        <translation>agentens nyckel behöver s3:PutObject på {arn}</translation>
    </message>
    <message>
        <source>create the fleet bucket {bucket} (no Object Lock) or set fleet.bucket</source>
        <translation>skapa statushinken {bucket} (utan Object Lock) eller ange fleet.bucket</translation>
    </message>
    <message>
        <source>s3://{bucket} refused {key}: {code}</source>
        <translation>s3://{bucket} avvisade {key}: {code}</translation>
    </message>
    <message>
        <source>the agent's key needs s3:GetObject on {arn}</source>
        <translation>agentens nyckel behöver s3:GetObject på {arn}</translation>
    </message>
    <message>
        <source>bucket {bucket} does not exist; check policy.url</source>
        <translation>hinken {bucket} finns inte; kontrollera policy.url</translation>
    </message>
    <message>
        <source>s3://{bucket} refused reading {key}: {code}</source>
        <translation>s3://{bucket} nekade läsning av {key}: {code}</translation>
    </message>
    <message>
        <source>this computer's access key may not write there: ask IT to check its storage policy</source>
        <translation>datorns åtkomstnyckel får inte skriva där: be IT kontrollera dess lagringsbehörigheter</translation>
    </message>
    <message>
        <source>storage does not know this computer's access key: ask IT to enrol the computer again</source>
        <translation>lagringen känner inte igen datorns åtkomstnyckel: be IT registrera datorn på nytt</translation>
    </message>
    <message>
        <source>the stored secret does not match the access key: ask IT to enrol the computer again</source>
        <translation>den sparade hemligheten hör inte till åtkomstnyckeln: be IT registrera datorn på nytt</translation>
    </message>
    <message>
        <source>the bucket does not exist: check storage.url</source>
        <translation>hinken finns inte: kontrollera storage.url</translation>
    </message>
    <message>
        <source>this computer's clock is wrong: set the date and time</source>
        <translation>datorns klocka går fel: ställ in datum och tid</translation>
    </message>
    <message>
        <source>{problem}; {hint}</source>
        <translation>{problem}; {hint}</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>anslutningen nekades</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>anslutningen återställdes</translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation>nätverket kan inte nås</translation>
    </message>
    <message>
        <source>the host is unreachable</source>
        <translation>värden kan inte nås</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>tidsgränsen för anslutningen gick ut</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>disken är full</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>diskkvoten är förbrukad</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>åtkomst nekad</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>disken är skrivskyddad</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>filen eller mappen finns inte</translation>
    </message>
    <message>
        <source>a file is where a folder should be</source>
        <translation>det ligger en fil där en mapp ska vara</translation>
    </message>
    <message>
        <source>a file of that name exists</source>
        <translation>en fil med det namnet finns redan</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>disken rapporterade ett in-/utmatningsfel</translation>
    </message>
    <message>
        <source>recording did not start: {reason}</source>
        <translation>inspelningen startade inte: {reason}</translation>
    </message>
    <message>
        <source>cannot start recording: {error}</source>
        <translation>kan inte starta inspelningen: {error}</translation>
    </message>
    <message>
        <source>{path} is missing from the local queue; it cannot be uploaded</source>
        <translation>{path} saknas i den lokala kön; den kan inte laddas upp</translation>
    </message>
    <message>
        <source>cannot read {file} of call {call}: {error}</source>
        <translation>kan inte läsa {file} för samtalet {call}: {error}</translation>
    </message>
    <message>
        <source>unexpected error while uploading: {error}</source>
        <translation>oväntat fel vid uppladdning: {error}</translation>
    </message>
    <message>
        <source>process taps need macOS 14.2 or later and the 'catap' package</source>
        <translation>processavlyssning kräver macOS 14.2 eller senare och paketet 'catap'</translation>
    </message>
    <message>
        <source>the process tap on '{program}'</source>
        <translation>processavlyssningen av '{program}'</translation>
    </message>
    <message>
        <source>'{program}' is not running; start the softphone first</source>
        <translation>'{program}' körs inte; starta mjukvarutelefonen först</translation>
    </message>
    <message>
        <source>cannot tap '{program}': {error}</source>
        <translation>kan inte avlyssna '{program}': {error}</translation>
    </message>
    <message>
        <source>audio device '{device}' is not connected</source>
        <translation>ljudenheten '{device}' är inte ansluten</translation>
    </message>
    <message>
        <source>cannot open '{device}' at {rate} Hz: {error}</source>
        <translation>kan inte öppna '{device}' med {rate} Hz: {error}</translation>
    </message>
    <message>
        <source>the Core Audio backend runs only on macOS</source>
        <translation>Core Audio-bakänden fungerar bara på macOS</translation>
    </message>
    <message>
        <source>Core Audio capture needs the 'sounddevice' package: {error}</source>
        <translation>inspelning med Core Audio kräver paketet 'sounddevice': {error}</translation>
    </message>
    <message>
        <source>audio system unavailable: {error}</source>
        <translation>ljudsystemet är inte tillgängligt: {error}</translation>
    </message>
    <message>
        <source>'{device}' is not connected</source>
        <translation>'{device}' är inte ansluten</translation>
    </message>
    <message>
        <source>cannot open '{device}': {error}</source>
        <translation>kan inte öppna '{device}': {error}</translation>
    </message>
    <message>
        <source>libpulse-simple is missing ({error}); install libpulse0</source>
        <translation>libpulse-simple saknas ({error}); installera libpulse0</translation>
    </message>
    <message>
        <source>cannot reach the audio server (PipeWire/PulseAudio): {error}</source>
        <translation>ljudservern (PipeWire/PulseAudio) kan inte nås: {error}</translation>
    </message>
    <message>
        <source>cannot start {device}: {error}</source>
        <translation>kan inte starta {device}: {error}</translation>
    </message>
    <message>
        <source>no audio from {device} within {seconds} s of opening it</source>
        <translation>inget ljud från {device} inom {seconds} s efter att den öppnades</translation>
    </message>
    <message>
        <source>no audio from {device} for {seconds} s</source>
        <translation>inget ljud från {device} på {seconds} s</translation>
    </message>
    <message>
        <source>the loopback of '{device}'</source>
        <translation>loopback-enheten för '{device}'</translation>
    </message>
    <message>
        <source>the WASAPI backend runs only on Windows</source>
        <translation>WASAPI-bakänden fungerar bara på Windows</translation>
    </message>
    <message>
        <source>WASAPI capture needs the 'soundcard' package: {error}</source>
        <translation>inspelning med WASAPI kräver paketet 'soundcard': {error}</translation>
    </message>
    <message>
        <source>baresip at {where} unreachable ({error})</source>
        <translation>baresip på {where} kan inte nås ({error})</translation>
    </message>
    <message>
        <source>connected to baresip at {where}</source>
        <translation>ansluten till baresip på {where}</translation>
    </message>
    <message>
        <source>baresip connection lost ({error})</source>
        <translation>anslutningen till baresip bröts ({error})</translation>
    </message>
    <message>
        <source>baresip closed the control connection</source>
        <translation>baresip stängde styranslutningen</translation>
    </message>
    <message>
        <source>{reason}; {count} call(s) in progress are kept for {kept} s; retrying in {delay} s</source>
        <translation>{reason}; pågående samtal ({count}) behålls i {kept} s; försöker igen om {delay} s</translation>
    </message>
    <message>
        <source>{reason}; retrying in {delay} s</source>
        <translation>{reason}; försöker igen om {delay} s</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>inte startad</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stoppad</translation>
    </message>
    <message>
        <source>Bria not reachable at {where} ({error}); retrying</source>
        <translation>Bria kan inte nås på {where} ({error}); försöker igen</translation>
    </message>
    <message>
        <source>connected to Bria at {where}</source>
        <translation>ansluten till Bria på {where}</translation>
    </message>
    <message>
        <source>Bria closed the API connection; reconnecting</source>
        <translation>Bria stängde API-anslutningen; ansluter igen</translation>
    </message>
    <message>
        <source>Bria connection lost ({error}); reconnecting</source>
        <translation>anslutningen till Bria bröts ({error}); ansluter igen</translation>
    </message>
    <message>
        <source>waiting for `taltio hook` commands</source>
        <translation>väntar på kommandon från `taltio hook`</translation>
    </message>
    <message>
        <source>linphone-daemon not reachable at {where} ({error}); retrying</source>
        <translation>linphone-daemon kan inte nås på {where} ({error}); försöker igen</translation>
    </message>
    <message>
        <source>linphone-daemon at {where}: {problem}; reconnecting</source>
        <translation>linphone-daemon på {where}: {problem}; ansluter igen</translation>
    </message>
    <message>
        <source>linphone-daemon at {where} dropped the connection ({error}; another client connected?); retrying</source>
        <translation>linphone-daemon på {where} bröt anslutningen ({error}; har en annan klient anslutit?); försöker igen</translation>
    </message>
    <message>
        <source>connected to linphone-daemon at {where}</source>
        <translation>ansluten till linphone-daemon på {where}</translation>
    </message>
    <message>
        <source>the daemon closed the connection (another client connected?)</source>
        <translation>tjänsten stängde anslutningen (har en annan klient anslutit?)</translation>
    </message>
    <message>
        <source>the daemon floods the connection</source>
        <translation>tjänsten översvämmar anslutningen med data</translation>
    </message>
    <message>
        <source>no answer to '{command}' within {seconds} s</source>
        <translation>inget svar på '{command}' inom {seconds} s</translation>
    </message>
    <message>
        <source>connection closed by the daemon</source>
        <translation>tjänsten stängde anslutningen</translation>
    </message>
    <message>
        <source>an oversized answer</source>
        <translation>ett för stort svar</translation>
    </message>
    <message>
        <source>microphone</source>
        <translation>mikrofonen</translation>
    </message>
    <message>
        <source>loopback device</source>
        <translation>loopback-enheten</translation>
    </message>
    <message>
        <source>no {device} configured and none found</source>
        <translation>ingen enhet ({device}) är inställd och ingen hittades</translation>
    </message>
    <message>
        <source>{device} '{spec}' matches several devices; available: {available}</source>
        <translation>{device} '{spec}' matchar flera enheter; tillgängliga: {available}</translation>
    </message>
    <message>
        <source>{device} '{spec}' was not found; available: {available}</source>
        <translation>{device} '{spec}' hittades inte; tillgängliga: {available}</translation>
    </message>
    <message>
        <source>{device} '{spec}' was not found, and there is none at all</source>
        <translation>{device} '{spec}' hittades inte, och det finns ingen sådan enhet alls</translation>
    </message>
    <message>
        <source>no OS keyring is available (on Linux, start a Secret Service such as gnome-keyring or KWallet); Taltio will not keep private keys in plain files</source>
        <translation>ingen nyckelring i operativsystemet är tillgänglig (starta en Secret Service som gnome-keyring eller KWallet på Linux); Taltio sparar inte privata nycklar i vanliga filer</translation>
    </message>
    <message>
        <source>keyring read failed ({error})</source>
        <translation>läsning från nyckelringen misslyckades ({error})</translation>
    </message>
    <message>
        <source>keyring write failed ({error})</source>
        <translation>skrivning till nyckelringen misslyckades ({error})</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be {type}, got the text {value}</source>
        <translation>{key} (från {source}) måste vara {type}, men fick texten {value}</translation>
    </message>
    <message>
        <source>{path}: cannot list ({error})</source>
        <translation>{path}: innehållet kan inte listas ({error})</translation>
    </message>
    <message>
        <source>{path}: cannot read ({error})</source>
        <translation>{path}: kan inte läsas ({error})</translation>
    </message>
    <message>
        <source>{source}: value '{name}' must be in the subkey of its section, e.g. {example}</source>
        <translation>{source}: värdet '{name}' måste ligga i sin sektions undernyckel, t.ex. {example}</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be {want}, got {got}</source>
        <translation>{key} (från {source}) måste vara {want}, men är {got}</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be 0 or 1, got {got}</source>
        <translation>{key} (från {source}) måste vara 0 eller 1, men är {got}</translation>
    </message>
    <message>
        <source>managed preferences exist only on macOS</source>
        <translation>hanterade inställningar finns bara på macOS</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>inte konfigurerad</translation>
    </message>
    <message>
        <source>encryption.recipients[{index}] '{recipient}' is not a valid age recipient (expected age1… or ssh-ed25519 …)</source>
        <translation>encryption.recipients[{index}] '{recipient}' är ingen giltig age-mottagare (väntade age1… eller ssh-ed25519 …)</translation>
    </message>
    <message>
        <source>no encryption recipients configured; recordings cannot be encrypted</source>
        <translation>inga krypteringsmottagare är inställda; inspelningar kan inte krypteras</translation>
    </message>
    <message>
        <source>'{rule}' is not PATTERN=LANG or queue:NAME=LANG with LANG one of {languages} (e.g. '+46*=sv' or 'queue:Kundtjänst*=sv')</source>
        <translation>'{rule}' har inte formen MÖNSTER=SPRÅK eller queue:NAMN=SPRÅK, där SPRÅK är ett av {languages} (t.ex. '+46*=sv' eller 'queue:Kundtjänst*=sv')</translation>
    </message>
    <message>
        <source>'{rule}' names no queue; write queue:NAME=LANG</source>
        <translation>'{rule}' anger ingen kö; skriv queue:NAMN=SPRÅK</translation>
    </message>
    <message>
        <source>'{rule}': '{pattern}' is not a number pattern (digits, +, * or ?) nor queue:NAME</source>
        <translation>'{rule}': '{pattern}' är varken ett nummermönster (siffror, +, * eller ?) eller queue:NAMN</translation>
    </message>
    <message>
        <source>'{pattern}' is not a number pattern (digits, +, and * or ? as wildcards)</source>
        <translation>'{pattern}' är inget nummermönster (siffror, +, och * eller ? som jokertecken)</translation>
    </message>
    <message>
        <source>'{number}' is not a phone number (digits, an optional leading +, spaces and dashes)</source>
        <translation>'{number}' är inget telefonnummer (siffror, ett valfritt inledande +, mellanslag och bindestreck)</translation>
    </message>
    <message>
        <source>the number-index key is not base64</source>
        <translation>nyckeln för nummerindexet är inte base64</translation>
    </message>
    <message>
        <source>the number-index key must be {size} bytes (base64 of 32 random bytes), not {actual}; make one with `taltio-admin keys new-index`</source>
        <translation>nyckeln för nummerindexet måste vara {size} byte (base64 av 32 slumpmässiga byte), inte {actual}; skapa en med `taltio-admin keys new-index`</translation>
    </message>
    <message>
        <source>'{pattern}': a pattern is 1 to {most} characters</source>
        <translation>'{pattern}': ett mönster har 1 till {most} tecken</translation>
    </message>
    <message>
        <source>'{pattern}' matches every window: name the payment window (e.g. '*Maksu*' or 'payterm.exe')</source>
        <translation>'{pattern}' matchar alla fönster: ange betalningsfönstret (t.ex. '*Maksu*' eller 'payterm.exe')</translation>
    </message>
    <message>
        <source>a UTC time like 2025-03-01T08:00:00Z</source>
        <translation>en UTC-tid som 2025-03-01T08:00:00Z</translation>
    </message>
    <message>
        <source>object</source>
        <translation>objekt</translation>
    </message>
    <message>
        <source>list</source>
        <translation>lista</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>sant/falskt</translation>
    </message>
    <message>
        <source>number</source>
        <translation>tal</translation>
    </message>
    <message>
        <source>not bytes</source>
        <translation>inte byte</translation>
    </message>
    <message>
        <source>larger than {size} KiB</source>
        <translation>större än {size} KiB</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>inte UTF-8-text</translation>
    </message>
    <message>
        <source>not JSON: {error} at line {line} column {column}</source>
        <translation>inte JSON: {error} på rad {line}, kolumn {column}</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>för djupt nästlad</translation>
    </message>
    <message>
        <source>a JSON object is needed, not {actual}</source>
        <translation>ett JSON-objekt behövs, inte {actual}</translation>
    </message>
    <message>
        <source>missing {fields}</source>
        <translation>saknas: {fields}</translation>
    </message>
    <message>
        <source>schema must be '{schema}'</source>
        <translation>schemat måste vara '{schema}'</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>ett heltal</translation>
    </message>
    <message>
        <source>format {format} is not supported (this Taltio reads format {supported})</source>
        <translation>formatet {format} stöds inte (denna Taltio läser format {supported})</translation>
    </message>
    <message>
        <source>expires_at is not after issued_at</source>
        <translation>expires_at ligger inte efter issued_at</translation>
    </message>
    <message>
        <source>'org', 'group:NAME' or 'agent:ID'</source>
        <translation>'org', 'group:NAMN' eller 'agent:ID'</translation>
    </message>
    <message>
        <source>an object of setting: value</source>
        <translation>ett objekt med inställning: värde</translation>
    </message>
    <message>
        <source>a list of texts</source>
        <translation>en lista med texter</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>ett tal</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>sant eller falskt</translation>
    </message>
    <message>
        <source>the {target} policy</source>
        <translation>policyn {target}</translation>
    </message>
    <message>
        <source>target must be 'org', 'group:NAME' or 'agent:ID' (NAME/ID: 1-64 letters, digits, '.', '_' or '-'), not {target}</source>
        <translation>målet måste vara 'org', 'group:NAMN' eller 'agent:ID' (NAMN/ID: 1–64 bokstäver, siffror, '.', '_' eller '-'), inte {target}</translation>
    </message>
    <message>
        <source>libopus did not set up two uncoupled streams; this FFmpeg build cannot record the two-mono layout (set audio.opus_layout = stereo)</source>
        <translation>libopus skapade inte två okopplade strömmar; denna FFmpeg-version kan inte spela in layouten med två monokanaler (ange audio.opus_layout = stereo)</translation>
    </message>
    <message>
        <source>Opus cannot use {what} {value}; use one of {choices}</source>
        <translation>Opus kan inte använda {what} {value}; använd ett av {choices}</translation>
    </message>
    <message>
        <source>Opus cannot record at {rate} Hz; use one of {choices}</source>
        <translation>Opus kan inte spela in med {rate} Hz; använd ett av {choices}</translation>
    </message>
    <message>
        <source>cannot start the Opus encoder: {error}</source>
        <translation>kan inte starta Opus-kodaren: {error}</translation>
    </message>
    <message>
        <source>unknown codec '{codec}'; use 'opus' or 'flac'</source>
        <translation>okänd codec '{codec}'; använd 'opus' eller 'flac'</translation>
    </message>
    <message>
        <source>{source}: unknown setting '{key}' (see docs/configuration.md)</source>
        <translation>{source}: okänd inställning '{key}' (se docs/configuration.md)</translation>
    </message>
    <message>
        <source>{variable} points to {path}, which does not exist</source>
        <translation>{variable} pekar på {path}, som inte finns</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text (byte {byte}); save it as UTF-8</source>
        <translation>{path}: inte UTF-8-text (byte {byte}); spara filen som UTF-8</translation>
    </message>
    <message>
        <source>{path}: not valid TOML ({error}); fix the file or remove it</source>
        <translation>{path}: inte giltig TOML ({error}); rätta filen eller ta bort den</translation>
    </message>
    <message>
        <source>{path}: not valid TOML (nested too deeply); fix the file or remove it</source>
        <translation>{path}: inte giltig TOML (för djupt nästlad); rätta filen eller ta bort den</translation>
    </message>
    <message>
        <source>'{key}' can only be set by the organisation</source>
        <translation>'{key}' kan bara ställas in av organisationen</translation>
    </message>
    <message>
        <source>your settings</source>
        <translation>dina inställningar</translation>
    </message>
    <message>
        <source>{source}: [taltio] format must be a whole number from 1, got {value}</source>
        <translation>{source}: [taltio] format måste vara ett heltal från 1, men är {value}</translation>
    </message>
    <message>
        <source>{source} is in settings format {format}, written by a newer Taltio (this one reads up to {supported}); upgrade Taltio on this computer</source>
        <translation>{source} har inställningsformat {format}, skrivet av en nyare Taltio (denna läser upp till {supported}); uppgradera Taltio på den här datorn</translation>
    </message>
    <message>
        <source>{key} (from {origin}) is too large a number: {value}</source>
        <translation>{key} (från {origin}) är ett för stort tal: {value}</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be a list of strings</source>
        <translation>{key} (från {origin}) måste vara en lista med texter</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be {type}, got {got}</source>
        <translation>{key} (från {origin}) måste vara av typen {type}, men är av typen {got}</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be one of {choices}; got {value}</source>
        <translation>{key} (från {origin}) måste vara ett av {choices}; värdet är {value}</translation>
    </message>
    <message>
        <source>{key} (from {origin}): {problem}</source>
        <translation>{key} (från {origin}): {problem}</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>måste vara mellan {low} och {high}</translation>
    </message>
    <message>
        <source>must be at least {low}</source>
        <translation>måste vara minst {low}</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>måste vara större än 0</translation>
    </message>
    <message>
        <source>must be an absolute path to a PEM file</source>
        <translation>måste vara en absolut sökväg till en PEM-fil</translation>
    </message>
    <message>
        <source>use s3://BUCKET/PREFIX or file:///PATH</source>
        <translation>använd s3://HINK/PREFIX eller file:///SÖKVÄG</translation>
    </message>
    <message>
        <source>'{value}' is not X,Y in pixels (e.g. '1700,40')</source>
        <translation>'{value}' är inte X,Y i pixlar (t.ex. '1700,40')</translation>
    </message>
    <message>
        <source>must start with https:// (or http:// on a trusted network)</source>
        <translation>måste börja med https:// (eller http:// i ett betrott nätverk)</translation>
    </message>
    <message>
        <source>use http://HOST:PORT (or https://HOST:PORT for a TLS proxy)</source>
        <translation>använd http://VÄRD:PORT (eller https://VÄRD:PORT för en TLS-proxy)</translation>
    </message>
    <message>
        <source>'{host}' has no valid port</source>
        <translation>'{host}' har ingen giltig port</translation>
    </message>
    <message>
        <source>use HOST:PORT, e.g. 127.0.0.1:4444</source>
        <translation>använd VÄRD:PORT, t.ex. 127.0.0.1:4444</translation>
    </message>
    <message>
        <source>folder {path} is writable</source>
        <translation>mappen {path} går att skriva till</translation>
    </message>
    <message>
        <source>plain HTTP, no TLS (storage.endpoint is http://)</source>
        <translation>vanlig HTTP, ingen TLS (storage.endpoint är http://)</translation>
    </message>
    <message>
        <source>TLS NOT VERIFIED (storage.dev_insecure_tls)</source>
        <translation>TLS VERIFIERAS INTE (storage.dev_insecure_tls)</translation>
    </message>
    <message>
        <source>OS trust store</source>
        <translation>operativsystemets betrodda certifikat</translation>
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
        <translation>TLS verifieras mot {trust}</translation>
    </message>
    <message>
        <source>the CA list shipped with Taltio</source>
        <translation>CA-listan som följer med Taltio</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>miljövariablerna</translation>
    </message>
    <message>
        <source>direct (no proxy)</source>
        <translation>direkt (ingen proxy)</translation>
    </message>
    <message>
        <source>direct (NO_PROXY exempts {host})</source>
        <translation>direkt (NO_PROXY undantar {host})</translation>
    </message>
    <message>
        <source>proxy {proxy} (from {source})</source>
        <translation>proxy {proxy} (från {source})</translation>
    </message>
    <message>
        <source>{tls}; {route}</source>
        <translation>{tls}; {route}</translation>
    </message>
    <message>
        <source>{storage} accepts writes</source>
        <translation>{storage} tar emot skrivningar</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>inställningar</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>nyckelring</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>mottagare</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>ljud</translation>
    </message>
    <message>
        <source>storage network</source>
        <translation>lagringsnätverk</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>lagring</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>disk</translation>
    </message>
    <message>
        <source>softphone</source>
        <translation>mjukvarutelefon</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>uppladdningskö</translation>
    </message>
    <message>
        <source>no machine policy: standalone mode</source>
        <translation>ingen maskinpolicy: fristående läge</translation>
    </message>
    <message>
        <source>loaded ({source})</source>
        <translation>inlästa ({source})</translation>
    </message>
    <message>
        <source>{keyring} holds the workstation key</source>
        <translation>{keyring} innehåller arbetsstationens nyckel</translation>
    </message>
    <message>
        <source>{count} organisation recipient(s) valid</source>
        <translation>giltiga mottagare i organisationen: {count}</translation>
    </message>
    <message>
        <source>standalone: encrypting to a local key kept in the keyring</source>
        <translation>fristående: krypterar till en lokal nyckel som förvaras i nyckelringen</translation>
    </message>
    <message>
        <source>standalone mode needs a keyring for its local key</source>
        <translation>fristående läge behöver en nyckelring för sin lokala nyckel</translation>
    </message>
    <message>
        <source>cannot tell the free space in {path}: {error}</source>
        <translation>kan inte avgöra det lediga utrymmet i {path}: {error}</translation>
    </message>
    <message>
        <source>the disk of {path} is full ({free} KB free): recordings cannot be saved; free disk space</source>
        <translation>disken för {path} är full ({free} KB ledigt): inspelningar kan inte sparas; frigör diskutrymme</translation>
    </message>
    <message>
        <source>{free} MB free for recordings in {path}</source>
        <translation>{free} MB ledigt för inspelningar i {path}</translation>
    </message>
    <message>
        <source>{count} call(s) waiting, oldest {minutes} min</source>
        <translation>väntande samtal: {count}, det äldsta {minutes} min</translation>
    </message>
    <message>
        <source>{count} call(s) waiting</source>
        <translation>väntande samtal: {count}</translation>
    </message>
    <message>
        <source>{summary}. INSECURE, DEVELOPMENT ONLY: anyone on the network path can read and change uploads; remove storage.dev_insecure_tls ({origin})</source>
        <translation>{summary}. OSÄKERT, ENDAST FÖR UTVECKLING: vem som helst längs nätverksvägen kan läsa och ändra uppladdningar; ta bort storage.dev_insecure_tls ({origin})</translation>
    </message>
    <message>
        <source>{summary}; use https:// unless this network is trusted</source>
        <translation>{summary}; använd https:// om inte det här nätverket är betrott</translation>
    </message>
    <message>
        <source>hook adapter: the softphone runs `taltio hook …`; app reports: {status}</source>
        <translation>hook-adapter: mjukvarutelefonen kör `taltio hook …`; appen rapporterar: {status}</translation>
    </message>
    <message>
        <source>{adapter}: app reports: {status}</source>
        <translation>{adapter}: appen rapporterar: {status}</translation>
    </message>
    <message>
        <source>hook adapter: the softphone runs `taltio hook …`, but Taltio is not running, so those commands fail now</source>
        <translation>hook-adapter: mjukvarutelefonen kör `taltio hook …`, men Taltio körs inte, så de kommandona misslyckas nu</translation>
    </message>
    <message>
        <source>linphone-daemon socket {where} answers (Taltio is not running)</source>
        <translation>linphone-daemons socket {where} svarar (Taltio körs inte)</translation>
    </message>
    <message>
        <source>Bria API port {where} answers (Taltio is not running; Bria asks the user to allow access when Taltio first connects)</source>
        <translation>Brias API-port {where} svarar (Taltio körs inte; Bria ber användaren tillåta åtkomst när Taltio ansluter första gången)</translation>
    </message>
    <message>
        <source>baresip control port {where} answers</source>
        <translation>baresips styrport {where} svarar</translation>
    </message>
    <message>
        <source>{adapter} at {where} unreachable ({error})</source>
        <translation>{adapter} på {where} kan inte nås ({error})</translation>
    </message>
    <message>
        <source>unknown softphone.adapter '{adapter}'</source>
        <translation>okänd softphone.adapter '{adapter}'</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>kontroller</translation>
    </message>
    <message>
        <source>softphone event ignored: {problem}</source>
        <translation>händelsen från mjukvarutelefonen ignorerades: {problem}</translation>
    </message>
    <message>
        <source>s3://{bucket} at {endpoint}</source>
        <translation>s3://{bucket} på {endpoint}</translation>
    </message>
    <message>
        <source>folder {path}</source>
        <translation>mappen {path}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../desktop/taltio/core/settings.py" line="+147"/>
        <source>Agent identifier used in object keys and manifests. Empty: the login name.</source>
        <translation>Agentens identifierare i objektnycklar och manifest. Tomt: inloggningsnamnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent identifier</source>
        <translation>Agent-id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workstation identifier in manifests. Empty: the host name.</source>
        <translation>Arbetsstationens identifierare i manifest. Tomt: datorns värdnamn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workstation identifier</source>
        <translation>Arbetsstationens id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio system: &apos;auto&apos; picks PipeWire/PulseAudio on Linux, WASAPI on Windows, Core Audio on macOS; &apos;portaudio&apos; uses plain PortAudio device names.</source>
        <translation>Ljudsystem: &apos;auto&apos; väljer PipeWire/PulseAudio på Linux, WASAPI på Windows och Core Audio på macOS; &apos;portaudio&apos; använder PortAudios vanliga enhetsnamn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio system</source>
        <translation>Ljudsystem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agent&apos;s headset microphone: a stable device id (see `taltio doctor`; on Linux the PipeWire/PulseAudio source name) or a unique part of its name. Empty: the default input.</source>
        <translation>Agentens headsetmikrofon: ett stabilt enhets-id (se `taltio doctor`; på Linux PipeWire/PulseAudio-källans namn) eller en unik del av dess namn. Tomt: standardingången.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device that carries what the softphone plays (on Linux the monitor of the headset&apos;s output, e.g. &apos;alsa_output.usb-Jabra….monitor&apos;). Empty: the monitor of the output the softphone is playing to, else of the default output.</source>
        <translation>Enheten som fångar upp det mjukvarutelefonen spelar (på Linux monitorn för headsetets utgång, t.ex. &apos;alsa_output.usb-Jabra….monitor&apos;). Tomt: monitorn för den utgång mjukvarutelefonen spelar till, annars för standardutgången.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Softphone playback (loopback) device</source>
        <translation>Mjukvarutelefonens uppspelningsenhet (loopback)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone to record from while the chosen one is lost (e.g. the laptop&apos;s built-in mic when the headset is unplugged). Empty: record a gap and wait for the chosen one to return. Either way the agent is warned, the switch is listed in the call&apos;s manifest, and the chosen device is used again as soon as it returns.</source>
        <translation>Mikrofon att spela in från medan den valda är borta (t.ex. den bärbara datorns inbyggda mikrofon när headsetet kopplas ur). Tomt: ett avbrott registreras och vi väntar på att den valda kommer tillbaka. I båda fallen varnas agenten, bytet antecknas i samtalets manifest och den valda enheten används igen så snart den är tillbaka.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fallback microphone</source>
        <translation>Reservmikrofon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loopback device to record the customer from while the chosen one is lost (e.g. the monitor of the built-in speakers, where the softphone plays once the headset is gone). Empty: record a gap and wait.</source>
        <translation>Loopback-enhet att spela in kunden från medan den valda är borta (t.ex. monitorn för de inbyggda högtalarna, dit mjukvarutelefonen spelar när headsetet är borta). Tomt: ett avbrott registreras och vi väntar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fallback loopback device</source>
        <translation>Reservenhet för loopback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn the agent when either side has been silent this long while recording (e.g. the customer is not heard).</source>
        <translation>Varna agenten när någon av sidorna har varit tyst så här länge under inspelningen (t.ex. när kunden inte hörs).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One-sided call alarm (seconds)</source>
        <translation>Larm för ensidigt samtal (sekunder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording sample rate in Hz.</source>
        <translation>Inspelningens samplingsfrekvens i Hz.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample rate (Hz)</source>
        <translation>Samplingsfrekvens (Hz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording codec: &apos;opus&apos; (Ogg Opus, small) or &apos;flac&apos; (lossless, about 8 times larger).</source>
        <translation>Inspelningskodek: &apos;opus&apos; (Ogg Opus, liten) eller &apos;flac&apos; (förlustfri, ungefär 8 gånger större).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording codec</source>
        <translation>Inspelningskodek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the two sides are coded: &apos;two-mono&apos; (two independent Opus streams in one file, agent left, customer right: no cross-talk at any bitrate) or &apos;stereo&apos; (one joint-stereo stream, the layout of recordings made before; always coded at 28 kbit/s or more, since below about 26 kbit/s libopus mixes the two sides).</source>
        <translation>Hur de två parterna kodas: &apos;two-mono&apos; (två oberoende Opus-strömmar i en fil, agenten till vänster, kunden till höger: ingen överhörning vid någon bithastighet) eller &apos;stereo&apos; (en gemensam stereoström, formatet för tidigare inspelningar; kodas alltid med minst 28 kbit/s, eftersom libopus under cirka 26 kbit/s blandar parterna).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opus channel layout</source>
        <translation>Opus-kanallayout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opus bitrate for the whole call (both sides together), kbit/s (docs/performance.md).</source>
        <translation>Opus-bithastighet för hela samtalet (båda parter tillsammans), kbit/s (docs/performance.md).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opus bitrate (kbit/s)</source>
        <translation>Opus-bithastighet (kbit/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How often encrypted audio is sealed to disk; bounds what a crash can lose.</source>
        <translation>Hur ofta krypterat ljud förseglas till disk; begränsar vad en krasch kan förlora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sealing interval (seconds)</source>
        <translation>Förseglingsintervall (sekunder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How Taltio learns of calls: &apos;hook&apos; (the softphone runs `taltio hook …`), &apos;baresip&apos; (baresip&apos;s ctrl_tcp module), &apos;bria&apos; (the Bria Desktop API) or &apos;linphone&apos; (linphone-daemon&apos;s --pipe socket).</source>
        <translation>Hur Taltio får veta om samtal: &apos;hook&apos; (mjukvarutelefonen kör `taltio hook …`), &apos;baresip&apos; (baresips modul ctrl_tcp), &apos;bria&apos; (Bria Desktop API) eller &apos;linphone&apos; (linphone-daemons --pipe-socket).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Softphone adapter</source>
        <translation>Adapter för mjukvarutelefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The softphone&apos;s program name (e.g. &apos;MicroSIP&apos;), used to suggest the output device it plays to. Empty: &apos;baresip&apos; with the baresip adapter, else the default output.</source>
        <translation>Mjukvarutelefonens programnamn (t.ex. &apos;MicroSIP&apos;), som används för att föreslå utgången den spelar till. Tomt: &apos;baresip&apos; med baresip-adaptern, annars standardutgången.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Softphone program name</source>
        <translation>Mjukvarutelefonens programnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOST:PORT of the softphone&apos;s control socket (baresip); for Bria a ws:// or wss:// URL, anything else means Bria&apos;s own address; for linphone unix:PATH of linphone-daemon&apos;s socket (unix:NAME is /tmp/NAME, as made by --pipe NAME), anything else means /tmp/linphone-daemon.</source>
        <translation>HOST:PORT för mjukvarutelefonens styrsocket (baresip); för Bria en ws://- eller wss://-adress, allt annat betyder Brias egen adress; för linphone unix:SÖKVÄG till linphone-daemons socket (unix:NAMN är /tmp/NAMN, som --pipe NAMN skapar), allt annat betyder /tmp/linphone-daemon.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Softphone control address</source>
        <translation>Mjukvarutelefonens styradress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where recordings go: s3://BUCKET/PREFIX or file:///PATH (a network share). Empty: standalone mode, a folder in the user data dir.</source>
        <translation>Vart inspelningarna går: s3://BUCKET/PREFIX eller file:///PATH (en nätverksresurs). Tomt: fristående läge, en mapp i användarens datakatalog.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Storage URL</source>
        <translation>Lagringens URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 endpoint URL (SeaweedFS, MinIO, Ceph). Empty: AWS.</source>
        <translation>S3-slutpunktens URL (SeaweedFS, MinIO, Ceph). Tomt: AWS.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S3 endpoint</source>
        <translation>S3-slutpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 region.</source>
        <translation>S3-region.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S3 region</source>
        <translation>S3-region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM file of the CA(s) that signed the storage&apos;s (or a TLS-inspecting proxy&apos;s) certificate, e.g. the organisation&apos;s root CA. Trusted in addition to the OS trust store, or instead of it with storage.use_os_trust_store = false. An unreadable file stops uploads with an error (and `taltio doctor` fails); recording goes on. See docs/storage-network.md.</source>
        <translation>PEM-fil med de CA:er som signerade lagringens (eller en TLS-inspekterande proxys) certifikat, t.ex. organisationens rot-CA. Betros utöver operativsystemets förtroendearkiv, eller i stället för det med storage.use_os_trust_store = false. En oläsbar fil stoppar uppladdningarna med ett fel (och `taltio doctor` misslyckas); inspelningen fortsätter. Se docs/storage-network.md.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CA bundle file</source>
        <translation>CA-paketfil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify the storage&apos;s certificate against the operating system&apos;s trust store (Windows certificate store, macOS keychain, the distribution&apos;s CA list on Linux), where IT usually installs the organisation&apos;s CA. False: only storage.ca_bundle, or without it the CA list shipped with Taltio (Mozilla&apos;s).</source>
        <translation>Verifiera lagringens certifikat mot operativsystemets förtroendearkiv (Windows certifikatarkiv, macOS nyckelring, distributionens CA-lista på Linux), där IT brukar installera organisationens CA. False: endast storage.ca_bundle, eller utan den CA-listan som följer med Taltio (Mozillas).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use the OS trust store</source>
        <translation>Använd operativsystemets förtroendearkiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy for storage traffic, e.g. http://proxy.example:3128 (https:// URLs are tunnelled with CONNECT; user:password@ is allowed but shown masked). Hosts in NO_PROXY still go direct. Empty: HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment.</source>
        <translation>Proxy för lagringstrafiken, t.ex. http://proxy.example:3128 (https://-adresser tunnlas med CONNECT; user:password@ är tillåtet men visas maskerat). Värdar i NO_PROXY nås fortfarande direkt. Tomt: HTTPS_PROXY / HTTP_PROXY / NO_PROXY från miljön.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Storage proxy</source>
        <translation>Proxy för lagringen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DEVELOPMENT ONLY: do not verify the storage&apos;s TLS certificate. Anyone on the network path can then read and change uploads. Every connection setup logs a warning and `taltio doctor` fails while it is on. Only the machine config can set it, never the agent&apos;s own settings.</source>
        <translation>ENDAST FÖR UTVECKLING: lagringens TLS-certifikat verifieras inte. Vem som helst på nätverksvägen kan då läsa och ändra uppladdningarna. Varje anslutning loggar en varning och `taltio doctor` misslyckas så länge den är på. Endast maskinkonfigurationen kan ställa in den, aldrig agentens egna inställningar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip TLS verification (development only)</source>
        <translation>Hoppa över TLS-verifiering (endast utveckling)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 access key id of this agent. The secret is kept in the OS keyring (or TALTIO_S3_SECRET for tests), never in this file.</source>
        <translation>Den här agentens S3-åtkomstnyckel-id. Hemligheten förvaras i operativsystemets nyckelring (eller TALTIO_S3_SECRET för tester), aldrig i den här filen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S3 access key id</source>
        <translation>S3-åtkomstnyckelns id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many calls upload at once (a backlog drains faster; the files of one call always go in order, audio first, manifest last).</source>
        <translation>Hur många samtal som laddas upp samtidigt (en kö töms snabbare; ett samtals filer går alltid i ordning, ljudet först, manifestet sist).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parallel uploads</source>
        <translation>Parallella uppladdningar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files from this size (MiB) upload in parts that resume after a restart or a dropped connection; smaller ones in one request.</source>
        <translation>Filer från den här storleken (MiB) laddas upp i delar som återupptas efter en omstart eller ett avbrutet nätverk; mindre filer i en enda begäran.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Multipart threshold (MiB)</source>
        <translation>Gräns för uppladdning i delar (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size of each part of a multipart upload (MiB; S3 needs at least 5).</source>
        <translation>Storleken på varje del i en uppladdning i delar (MiB; S3 kräver minst 5).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part size (MiB)</source>
        <translation>Delstorlek (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most disk the calls waiting for upload may use on this computer (MiB). Near it (90 %) the agent is warned. Waiting recordings are never deleted to make room: storage.when_queue_full decides what happens to new calls. 0: no limit.</source>
        <translation>Högsta diskutrymme som samtal som väntar på uppladdning får använda på den här datorn (MiB). Nära gränsen (90 %) varnas agenten. Väntande inspelningar raderas aldrig för att frigöra utrymme: storage.when_queue_full avgör vad som händer med nya samtal. 0: ingen gräns.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload queue quota (MiB)</source>
        <translation>Kvot för uppladdningskön (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the waiting calls fill storage.queue_quota_mb: &apos;record&apos; keeps recording new calls anyway (the disk is the limit), &apos;stop&apos; records no new call until uploads make room (the agent is told before giving the notice; the call&apos;s manifest says why).</source>
        <translation>När de väntande samtalen fyller storage.queue_quota_mb: &apos;record&apos; spelar in nya samtal ändå (disken är gränsen), &apos;stop&apos; spelar inte in några nya samtal förrän uppladdningarna frigjort utrymme (agenten får veta det innan meddelandet ges; samtalets manifest anger orsaken).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When the upload queue is full</source>
        <translation>När uppladdningskön är full</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest wait between upload attempts while storage is down.</source>
        <translation>Längsta väntan mellan uppladdningsförsök medan lagringen inte svarar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest retry wait (seconds)</source>
        <translation>Längsta väntan mellan försök (sekunder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days every stored recording version is locked (S3 Object Lock, COMPLIANCE mode: nobody, not even the storage admin, can delete or shorten it before then). Used by `taltio-admin storage init` for a new bucket; keep `org.retention` in line with it.</source>
        <translation>Antal dagar varje lagrad inspelningsversion är låst (S3 Object Lock, COMPLIANCE-läge: ingen, inte ens lagringens administratör, kan radera den eller förkorta låset dessförinnan). Används av `taltio-admin storage init` för en ny bucket; håll `org.retention` i linje med den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retention lock (days)</source>
        <translation>Lagringslås (dagar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation age recipients (age1…) that can decrypt recordings. The workstation itself can never decrypt. Empty: standalone mode with a local key.</source>
        <translation>Organisationens age-mottagare (age1…) som kan dekryptera inspelningarna. Arbetsstationen själv kan aldrig dekryptera. Tomt: fristående läge med en lokal nyckel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation recipients</source>
        <translation>Organisationens mottagare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key of the customer-number index (base64 of 32 random bytes, from `taltio-admin keys new-index`). Manifests never hold the number in clear; with this key each carries an HMAC of it, so a supervisor with the same key finds a customer's calls without decrypting them. Empty: no index. Secret: distribute it only by signed policy or machine policy.</source>
        <translation>Nyckel för kundnummerindexet (base64 av 32 slumpmässiga byte, från `taltio-admin keys new-index`). Manifesten innehåller aldrig numret i klartext; med denna nyckel har varje manifest en HMAC av det, så att en arbetsledare med samma nyckel hittar en kunds samtal utan att dekryptera dem. Tomt: inget index. Hemlig: distribuera den endast via signerad policy eller maskinpolicy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number index key</source>
        <translation>Nyckel för nummerindex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the notice when no rule matches the number.</source>
        <translation>Meddelandets språk när ingen regel matchar numret.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default notice language</source>
        <translation>Meddelandets standardspråk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which language the notice card starts in, by the customer&apos;s number (&apos;PATTERN=LANG&apos;, e.g. &apos;+46*=sv&apos;) or by the queue the call came through (&apos;queue:NAME=LANG&apos;, wildcards allowed, e.g. &apos;queue:Kundtjänst*=sv&apos;; the queue comes from `taltio hook … --queue NAME`). First match wins. The agent can switch with one click.</source>
        <translation>Vilket språk meddelandekortet börjar på: efter kundens nummer (&apos;PATTERN=LANG&apos;, t.ex. &apos;+46*=sv&apos;) eller efter kön samtalet kom via (&apos;queue:NAME=LANG&apos;, jokertecken tillåtna, t.ex. &apos;queue:Kundtjänst*=sv&apos;; kön kommer från `taltio hook … --queue NAME`). Första träffen gäller. Agenten kan byta med ett klick.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notice language rules</source>
        <translation>Språkregler för meddelandet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The script the agent reads before recording, in Finnish. Empty: the text shipped with Taltio (resources/notices/notice.fi.txt).</source>
        <translation>Texten agenten läser upp innan inspelningen, på finska. Tomt: texten som följer med Taltio (resources/notices/notice.fi.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (Finnish)</source>
        <translation>Meddelandets text (finska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script the agent reads before recording, in Swedish. Empty: the text shipped with Taltio (resources/notices/notice.sv.txt).</source>
        <translation>Texten agenten läser upp innan inspelningen, på svenska. Tomt: texten som följer med Taltio (resources/notices/notice.sv.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (Swedish)</source>
        <translation>Meddelandets text (svenska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script the agent reads before recording, in English. Empty: the text shipped with Taltio (resources/notices/notice.en.txt).</source>
        <translation>Texten agenten läser upp innan inspelningen, på engelska. Tomt: texten som följer med Taltio (resources/notices/notice.en.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (English)</source>
        <translation>Meddelandets text (engelska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in Finnish. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.fi.txt).</source>
        <translation>Vad agenten berättar för en kund som frågar om inspelningen, på finska. Kan använda {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} och {copy_request}. Tomt: mallen som följer med Taltio (resources/notices/info.fi.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (Finnish)</source>
        <translation>Information om inspelningen (finska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in Swedish. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.sv.txt).</source>
        <translation>Vad agenten berättar för en kund som frågar om inspelningen, på svenska. Kan använda {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} och {copy_request}. Tomt: mallen som följer med Taltio (resources/notices/info.sv.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (Swedish)</source>
        <translation>Information om inspelningen (svenska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in English. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.en.txt).</source>
        <translation>Vad agenten berättar för en kund som frågar om inspelningen, på engelska. Kan använda {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} och {copy_request}. Tomt: mallen som följer med Taltio (resources/notices/info.en.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (English)</source>
        <translation>Information om inspelningen (engelska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who records (the controller under GDPR): the organisation&apos;s name.</source>
        <translation>Vem som spelar in (personuppgiftsansvarig enligt GDPR): organisationens namn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Controller</source>
        <translation>Personuppgiftsansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The controller&apos;s contact for privacy questions (data protection officer).</source>
        <translation>Den personuppgiftsansvariges kontakt för dataskyddsfrågor (dataskyddsombud).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Privacy contact</source>
        <translation>Kontakt för dataskydd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, in months, as told to customers: shown in the customer&apos;s language (&apos;24 kuukautta&apos;, &apos;24 månader&apos;, &apos;24 months&apos;). 0: not set.</source>
        <translation>Hur länge inspelningarna sparas, i månader, som kunderna får veta det: visas på kundens språk (&apos;24 kuukautta&apos;, &apos;24 månader&apos;, &apos;24 months&apos;). 0: inte angivet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (months)</source>
        <translation>Lagringstid (månader)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long recordings are kept, as free text shown in every language (e.g. &apos;the contract period plus 24 months&apos;). Prefer org.retention_months or the per-language org.retention_fi/sv/en, so a Swedish customer is not told in Finnish.</source>
        <translation>Hur länge inspelningarna sparas, som fritext som visas på alla språk (t.ex. &apos;avtalsperioden plus 24 månader&apos;). Använd hellre org.retention_months eller de språkspecifika org.retention_fi/sv/en, så att en svensk kund inte får beskedet på finska.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retention (free text)</source>
        <translation>Lagringstid (fritext)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in Finnish; overrides org.retention and org.retention_months for that language.</source>
        <translation>Hur länge inspelningarna sparas, som kunderna får veta det på finska; går före org.retention och org.retention_months för det språket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (Finnish)</source>
        <translation>Lagringstid (finska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in Swedish; overrides org.retention and org.retention_months for that language.</source>
        <translation>Hur länge inspelningarna sparas, som kunderna får veta det på svenska; går före org.retention och org.retention_months för det språket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (Swedish)</source>
        <translation>Lagringstid (svenska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in English; overrides org.retention and org.retention_months for that language.</source>
        <translation>Hur länge inspelningarna sparas, som kunderna får veta det på engelska; går före org.retention och org.retention_months för det språket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (English)</source>
        <translation>Lagringstid (engelska)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a customer gets a copy of their recording (e.g. a web form or e-mail address).</source>
        <translation>Hur en kund får en kopia av sin inspelning (t.ex. ett webbformulär eller en e-postadress).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to request a copy</source>
        <translation>Begära en kopia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What staff are told about recording: what is recorded, why, who may listen, how private calls work. Shown on first run and whenever it changes; each acknowledgement is logged. Empty: the text shipped with Taltio, in the agent&apos;s language.</source>
        <translation>Vad personalen får veta om inspelningen: vad som spelas in, varför, vem som får lyssna och hur privata samtal fungerar. Visas vid första starten och varje gång texten ändras; varje bekräftelse loggas. Tomt: texten som följer med Taltio, på agentens språk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff notice</source>
        <translation>Personalinformation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When recording starts: &apos;notice&apos; (when the agent confirms the notice was given: the default, and what the Data Protection Ombudsman expects) or &apos;answer&apos; (on answer; the notice card is then a reminder, and each manifest says so).</source>
        <translation>När inspelningen börjar: &apos;notice&apos; (när agenten bekräftar att meddelandet getts: standard, och vad dataombudsmannen förväntar sig) eller &apos;answer&apos; (när samtalet besvaras; meddelandekortet är då en påminnelse, och varje manifest säger det).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording starts</source>
        <translation>När inspelningen börjar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind the agent to resume after a card-data pause this long. 0: no reminder.</source>
        <translation>Påminn agenten om att fortsätta när en paus för kortuppgifter har varat så här länge. 0: ingen påminnelse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause reminder (seconds)</source>
        <translation>Påminnelse vid paus (sekunder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume recording by itself after a card-data pause this long, so a forgotten pause cannot leave the rest of the call unrecorded. 0: no limit. Holds are not card-data pauses and have no limit.</source>
        <translation>Fortsätt inspelningen av sig själv när en paus för kortuppgifter har varat så här länge, så att en bortglömd paus inte lämnar resten av samtalet oinspelat. 0: ingen gräns. Parkering är inte en paus för kortuppgifter och har ingen gräns.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longest pause (seconds)</source>
        <translation>Längsta paus (sekunder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a hold does to the recording: &apos;pause&apos; (nothing is captured while the customer waits; the manifest lists the hold as a pause) or &apos;continue&apos; (capture goes on, e.g. to keep what the agent says to a colleague; the manifest lists the hold times).</source>
        <translation>Vad parkering gör med inspelningen: &apos;pause&apos; (inget spelas in medan kunden väntar; manifestet anger parkeringen som en paus) eller &apos;continue&apos; (inspelningen fortsätter, t.ex. för att behålla det agenten säger till en kollega; manifestet anger parkeringstiderna).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording during hold</source>
        <translation>Inspelning under parkering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May agents mark calls private (never recorded)? The Working Life Privacy Act protects staff&apos;s private calls; switch off only where every line is a business line.</source>
        <translation>Får agenterna markera samtal som privata (spelas aldrig in)? Lagen om integritetsskydd i arbetslivet skyddar personalens privata samtal; stäng av endast där varje linje är en arbetslinje.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allow private calls</source>
        <translation>Tillåt privata samtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most calls an agent may mark private per day. 0: no limit.</source>
        <translation>Högsta antal samtal en agent får markera som privata per dag. 0: ingen gräns.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private calls per day</source>
        <translation>Privata samtal per dag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must the agent give a short reason when marking a call private? The reason is kept in the local audit log, never any audio.</source>
        <translation>Måste agenten ange en kort orsak när ett samtal markeras som privat? Orsaken sparas i den lokala granskningsloggen, aldrig något ljud.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason required for private calls</source>
        <translation>Orsak krävs för privata samtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers whose calls are never recorded (occupational health, the union line). Shell wildcards: &apos;+358 9 1234*&apos;.</source>
        <translation>Nummer vars samtal aldrig spelas in (företagshälsovården, facket). Skalets jokertecken: &apos;+358 9 1234*&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Always private numbers</source>
        <translation>Alltid privata nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the small always-on-top status pill (recording / paused with its timer / private / declined / not recording / error). The agent can move it.</source>
        <translation>Visa den lilla statusbrickan som alltid ligger överst (spelar in / paus med sin timer / privat / avböjt / spelar inte in / fel). Agenten kan flytta den.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status pill</source>
        <translation>Statusbricka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also show a desktop notification when recording starts and stops (errors and warnings are always notified).</source>
        <translation>Visa också en skrivbordsavisering när inspelningen startar och slutar (fel och varningar aviseras alltid).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notify on start and stop</source>
        <translation>Meddela start och stopp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of Taltio&apos;s own screens: &apos;fi&apos;, &apos;sv&apos; or &apos;en&apos;. Empty: the operating system&apos;s language.</source>
        <translation>Språket i Taltios egna fönster: &apos;fi&apos;, &apos;sv&apos; eller &apos;en&apos;. Tomt: operativsystemets språk.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the agent last put the status pill (&apos;X,Y&apos; on the desktop; kept on screen when the screens change). Empty: top right.</source>
        <translation>Var agenten senast placerade statusbrickan (&apos;X,Y&apos; på skrivbordet; hålls på skärmen när skärmarna ändras). Tomt: övre högra hörnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status pill position</source>
        <translation>Statusbrickans position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business numbers (queues) whose calls cannot be marked private. Same pattern syntax.</source>
        <translation>Arbetsnummer (köer) vars samtal inte kan markeras som privata. Samma mönstersyntax.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never private numbers</source>
        <translation>Aldrig privata nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bucket for the workstations&apos; heartbeats (`fleet/&lt;agent-id&gt;.json`, overwritten each time, read by `taltio-admin fleet`). Keep it apart from the recordings: no Object Lock, no versioning. Empty: &apos;&lt;storage bucket&gt;-fleet&apos;. With file:// storage heartbeats go to &lt;folder&gt;/fleet/.</source>
        <translation>Bucket för arbetsstationernas hjärtslag (`fleet/&lt;agent-id&gt;.json`, skrivs över varje gång, läses av `taltio-admin fleet`). Håll den åtskild från inspelningarna: inget Object Lock, ingen versionshantering. Tomt: &apos;&lt;storage bucket&gt;-fleet&apos;. Med file://-lagring går hjärtslagen till &lt;folder&gt;/fleet/.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Heartbeat bucket</source>
        <translation>Bucket för hjärtslag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the workstation writes its heartbeat (also once at start). Fractions are allowed (0.1 = 6 s).</source>
        <translation>Hur ofta arbetsstationen skriver sitt hjärtslag (även en gång vid start). Decimaltal är tillåtna (0,1 = 6 s).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heartbeat interval (minutes)</source>
        <translation>Hjärtslagsintervall (minuter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn (agent log and heartbeat; `taltio-admin fleet` flags BACKLOG) when this many calls wait for upload.</source>
        <translation>Varna (agentens logg och hjärtslaget; `taltio-admin fleet` flaggar BACKLOG) när så här många samtal väntar på uppladdning.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backlog warning (calls)</source>
        <translation>Kövarning (samtal)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn the same way when the oldest call waiting for upload is this many hours old.</source>
        <translation>Varna på samma sätt när det äldsta samtalet som väntar på uppladdning är så här många timmar gammalt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backlog warning (hours)</source>
        <translation>Kövarning (timmar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`taltio-admin fleet` flags a workstation STALE when its last heartbeat is older than this; keep it a few times fleet.heartbeat_minutes.</source>
        <translation>`taltio-admin fleet` flaggar en arbetsstation som STALE när dess senaste hjärtslag är äldre än så här; håll det till några gånger fleet.heartbeat_minutes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stale after (minutes)</source>
        <translation>Inaktuell efter (minuter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whether this workstation records calls at all. Off: Taltio shows that recording is off and captures nothing.</source>
        <translation>Om den här arbetsstationen spelar in samtal överhuvudtaget. Av: Taltio visar att inspelningen är avstängd och fångar ingenting.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording enabled</source>
        <translation>Inspelning på</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor keys whose signed policies this workstation accepts (&apos;ssh-ed25519 AAAA… name&apos;, one per entry; `taltio-admin keys new-supervisor` makes one). Empty: no supervisor policy is fetched.</source>
        <translation>Arbetsledarnycklar vars signerade policyer den här arbetsstationen godtar (&apos;ssh-ed25519 AAAA… name&apos;, en per post; `taltio-admin keys new-supervisor` skapar en). Tomt: ingen arbetsledarpolicy hämtas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allowed supervisor keys</source>
        <translation>Tillåtna arbetsledarnycklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where supervisors publish policies: s3://BUCKET/policy or file:///PATH/policy. Empty: the &apos;policy/&apos; folder beside storage.url&apos;s bucket (s3://BUCKET/policy).</source>
        <translation>Var arbetsledarna publicerar policyer: s3://BUCKET/policy eller file:///PATH/policy. Tomt: mappen &apos;policy/&apos; bredvid storage.url:s bucket (s3://BUCKET/policy).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy URL</source>
        <translation>Policy-URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The groups this workstation belongs to: it applies policy/org.json, then policy/group-NAME.json for each group, then policy/agent-ID.json (later wins).</source>
        <translation>Grupperna den här arbetsstationen hör till: den tillämpar policy/org.json, sedan policy/group-NAME.json för varje grupp och sist policy/agent-ID.json (senare vinner).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy groups</source>
        <translation>Policygrupper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the workstation checks for a new policy (a conditional GET: nothing is downloaded when it has not changed).</source>
        <translation>Hur ofta arbetsstationen letar efter en ny policy (en villkorlig GET: ingenting laddas ned när den inte har ändrats).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy check interval (minutes)</source>
        <translation>Intervall för policykontroll (minuter)</translation>
    </message>
    <message>
        <source>The data protection officer&apos;s contact (GDPR Art. 13(1)(b)), e.g. an e-mail address. Empty: customers are told none is designated and to ask the privacy contact.</source>
        <translation>Dataskyddsombudets kontaktuppgift (artikel 13.1 b i dataskyddsförordningen), t.ex. en e-postadress. Tomt: kunden får veta att inget ombud är utsett och ombeds fråga integritetskontakten.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Dataskyddsombud</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Supervisory authority</source>
        <translation>Tillsynsmyndighet</translation>
    </message>
    <message>
        <source>Windows in which card data is typed (PCI DSS): while one has the keyboard, the call&apos;s recording is paused (reason &apos;payment-window&apos; in the manifest) and it resumes when the focus leaves. Window titles or program names, case-insensitive, with * and ? (e.g. &apos;*Korttimaksu*&apos;, &apos;payterm.exe&apos;). Empty: no auto-pause. Linux X11 only so far; elsewhere the agent is told once that it is not available.</source>
        <translation>Fönster där kortuppgifter skrivs in (PCI DSS): medan ett av dem har tangentbordet pausas samtalets inspelning (orsak &apos;payment-window&apos; i manifestet) och den återupptas när fokus lämnar det. Fönsterrubriker eller programnamn, oberoende av skiftläge, med * och ? (t.ex. &apos;*Korttimaksu*&apos;, &apos;payterm.exe&apos;). Tomt: ingen automatisk paus. Än så länge bara i Linux X11; på andra håll får agenten veta en gång att funktionen inte finns.</translation>
    </message>
    <message>
        <source>Auto-pause on payment windows</source>
        <translation>Automatisk paus i betalningsfönster</translation>
    </message>
    <message>
        <source>Keyboard shortcut, from any program, for Start call… (a call the softphone does not report). Keys joined by +: Ctrl, Alt, Shift, Meta and a letter, a digit or F1-F24. Empty: none.</source>
        <translation>Kortkommando som fungerar i alla program: Starta samtal… (ett samtal som mjukvarutelefonen inte rapporterar). Tangenter sammanfogade med +: Ctrl, Alt, Shift, Meta och en bokstav, en siffra eller F1-F24. Tomt: inget kortkommando.</translation>
    </message>
    <message>
        <source>Start call shortcut</source>
        <translation>Kortkommando för Starta samtal</translation>
    </message>
    <message>
        <source>Keyboard shortcut, from any program, for End call (the call started by hand). Same keys. Empty: none.</source>
        <translation>Kortkommando som fungerar i alla program: Avsluta samtal (samtalet som startades för hand). Samma tangenter. Tomt: inget kortkommando.</translation>
    </message>
    <message>
        <source>End call shortcut</source>
        <translation>Kortkommando för Avsluta samtal</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers (GDPR Art. 13(1)(c)), shown in every language without its own org.legal_basis_fi/sv/en. Empty: the shipped text in the customer's language (contract and legitimate interest, Art. 6(1)(b) and (f)).</source>
        <translation>Den rättsliga grunden för inspelningen så som den berättas för kunder (artikel 13.1 c i dataskyddsförordningen), visas på alla språk som saknar en egen org.legal_basis_fi/sv/en. Tomt: texten som följer med Taltio på kundens språk (avtal och berättigat intresse, artikel 6.1 b och f).</translation>
    </message>
    <message>
        <source>Who receives the recordings (GDPR Art. 13(1)(e)), shown in every language without its own org.recipients_fi/sv/en. Empty: the shipped text in the customer's language (staff handling the matter, processors storing the recordings, authorities where the law requires).</source>
        <translation>Vem som får inspelningarna (artikel 13.1 e i dataskyddsförordningen), visas på alla språk som saknar en egen org.recipients_fi/sv/en. Tomt: texten som följer med Taltio på kundens språk (personal som handlägger ärendet, biträden som lagrar inspelningarna, myndigheter när lagen kräver det).</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to (GDPR Art. 13(2)(d)), shown in every language without its own org.complaints_fi/sv/en. Empty: the Data Protection Ombudsman (tietosuoja.fi), named in the customer's language.</source>
        <translation>Tillsynsmyndigheten som kunden kan klaga hos (artikel 13.2 d i dataskyddsförordningen), visas på alla språk som saknar en egen org.complaints_fi/sv/en. Tomt: dataombudsmannen (tietosuoja.fi), angiven på kundens språk.</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in Finnish; overrides org.recipients for that language.</source>
        <translation>Vem som får inspelningarna, så som det berättas för kunder på finska; ersätter org.recipients för det språket.</translation>
    </message>
    <message>
        <source>Recipients (Finnish)</source>
        <translation>Mottagare (finska)</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in Swedish; overrides org.recipients for that language.</source>
        <translation>Vem som får inspelningarna, så som det berättas för kunder på svenska; ersätter org.recipients för det språket.</translation>
    </message>
    <message>
        <source>Recipients (Swedish)</source>
        <translation>Mottagare (svenska)</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in English; overrides org.recipients for that language.</source>
        <translation>Vem som får inspelningarna, så som det berättas för kunder på engelska; ersätter org.recipients för det språket.</translation>
    </message>
    <message>
        <source>Recipients (English)</source>
        <translation>Mottagare (engelska)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in Finnish; overrides org.legal_basis for that language.</source>
        <translation>Den rättsliga grunden för inspelningen, så som den berättas för kunder på finska; ersätter org.legal_basis för det språket.</translation>
    </message>
    <message>
        <source>Legal basis (Finnish)</source>
        <translation>Rättslig grund (finska)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in Swedish; overrides org.legal_basis for that language.</source>
        <translation>Den rättsliga grunden för inspelningen, så som den berättas för kunder på svenska; ersätter org.legal_basis för det språket.</translation>
    </message>
    <message>
        <source>Legal basis (Swedish)</source>
        <translation>Rättslig grund (svenska)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in English; overrides org.legal_basis for that language.</source>
        <translation>Den rättsliga grunden för inspelningen, så som den berättas för kunder på engelska; ersätter org.legal_basis för det språket.</translation>
    </message>
    <message>
        <source>Legal basis (English)</source>
        <translation>Rättslig grund (engelska)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in Finnish; overrides org.complaints for that language.</source>
        <translation>Tillsynsmyndigheten som kunden kan klaga hos, så som den anges för kunder på finska; ersätter org.complaints för det språket.</translation>
    </message>
    <message>
        <source>Supervisory authority (Finnish)</source>
        <translation>Tillsynsmyndighet (finska)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in Swedish; overrides org.complaints for that language.</source>
        <translation>Tillsynsmyndigheten som kunden kan klaga hos, så som den anges för kunder på svenska; ersätter org.complaints för det språket.</translation>
    </message>
    <message>
        <source>Supervisory authority (Swedish)</source>
        <translation>Tillsynsmyndighet (svenska)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in English; overrides org.complaints for that language.</source>
        <translation>Tillsynsmyndigheten som kunden kan klaga hos, så som den anges för kunder på engelska; ersätter org.complaints för det språket.</translation>
    </message>
    <message>
        <source>Supervisory authority (English)</source>
        <translation>Tillsynsmyndighet (engelska)</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <source>Call</source>
        <translation>Samtal</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifiering</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>inkommande</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>utgående</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>inspelat</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>avbrutet</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>inspelning nekad</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>inte inspelat</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrolleras…</translation>
    </message>
    <message>
        <source>✔ Verified</source>
        <translation>✔ Verifierad</translation>
    </message>
    <message>
        <source>✖ Failed</source>
        <translation>✖ Underkänd</translation>
    </message>
    <message>
        <source>The signature, signer, hashes and notice time are being checked</source>
        <translation>Signaturen, signeraren, kontrollsummorna och tiden för meddelandet kontrolleras</translation>
    </message>
    <message>
        <source>Signature, trusted signer, hashes, segments and notice time checked</source>
        <translation>Signatur, betrodd signerare, kontrollsummor, segment och tid för meddelandet kontrollerade</translation>
    </message>
    <message>
        <source>Verification failed: {reasons}</source>
        <translation>Verifieringen misslyckades: {reasons}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <source>%n call(s) could not be checked for the number (no index key or identity).</source>
        <translation>
            <numerusform>%n samtal kunde inte kontrolleras för numret (ingen indexnyckel eller identitet).</numerusform>
            <numerusform>%n samtal kunde inte kontrolleras för numret (ingen indexnyckel eller identitet).</numerusform>
        </translation>
    </message>
    <message>
        <source>Taltio: review calls</source>
        <translation>Taltio: granska samtal</translation>
    </message>
    <message>
        <source>Customer's &amp;number</source>
        <translation>Kundens &amp;nummer</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>&amp;Agent</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Från</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <source>any number, e.g. +358401234567</source>
        <translation>valfritt nummer, t.ex. +358401234567</translation>
    </message>
    <message>
        <source>any agent</source>
        <translation>valfri agent</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <source>Search the store (Ctrl+F goes to the number)</source>
        <translation>Sök bland de lagrade samtalen (Ctrl+F går till numret)</translation>
    </message>
    <message>
        <source>Calls found</source>
        <translation>Hittade samtal</translation>
    </message>
    <message>
        <source>Enter opens the call, Space plays or pauses it</source>
        <translation>Enter öppnar samtalet, mellanslag spelar upp eller pausar det</translation>
    </message>
    <message>
        <source>&amp;Export for the data subject…</source>
        <translation>&amp;Exportera för den registrerade…</translation>
    </message>
    <message>
        <source>Export the selected calls into a folder (Ctrl+E)</source>
        <translation>Exportera de valda samtalen till en mapp (Ctrl+E)</translation>
    </message>
    <message>
        <source>Search by number, agent or dates; nothing is read until you search.</source>
        <translation>Sök på nummer, agent eller datum; inget läses förrän du söker.</translation>
    </message>
    <message>
        <source>Could not finish: {message}</source>
        <translation>Kunde inte slutföras: {message}</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Slutdatumet är före startdatumet.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) found; checking each…</source>
        <translation>
            <numerusform>%n samtal hittades; kontrollerar det…</numerusform>
            <numerusform>%n samtal hittades; kontrollerar vart och ett…</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation>Inga samtal matchar.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) found.</source>
        <translation>
            <numerusform>%n samtal hittades.</numerusform>
            <numerusform>%n samtal hittades.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed verification: see the badge's tooltip.</source>
        <translation>
            <numerusform>%n underkändes vid verifieringen: se märkets verktygstips.</numerusform>
            <numerusform>%n underkändes vid verifieringen: se märkenas verktygstips.</numerusform>
        </translation>
    </message>
    <message>
        <source>All verified.</source>
        <translation>Alla verifierade.</translation>
    </message>
    <message>
        <source>Opening the call {call}…</source>
        <translation>Öppnar samtalet {call}…</translation>
    </message>
    <message>
        <source>Ready to play: Space plays and pauses.</source>
        <translation>Klart att spela upp: mellanslag spelar upp och pausar.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Paus</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>S&amp;pela upp</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Spela upp eller pausa (mellanslag)</translation>
    </message>
    <message>
        <source>No call open: select one and press Enter.</source>
        <translation>Inget samtal öppet: välj ett och tryck på Enter.</translation>
    </message>
    <message>
        <source>Call {call} by {agent}, {date} ({verdict})</source>
        <translation>Samtal {call} av {agent}, {date} ({verdict})</translation>
    </message>
    <message>
        <source>Export into which folder?</source>
        <translation>Exportera till vilken mapp?</translation>
    </message>
    <message>
        <source>Select the calls to export first.</source>
        <translation>Välj först samtalen som ska exporteras.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n call(s)…</source>
        <translation>
            <numerusform>Exporterar %n samtal…</numerusform>
            <numerusform>Exporterar %n samtal…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exporterat till {path}</translation>
    </message>
</context>
<context>
    <name>WaveformWidget</name>
    <message>
        <source>Bookmark {n}: {label}</source>
        <translation>Bokmärke {n}: {label}</translation>
    </message>
    <message>
        <source>Bookmark {n}</source>
        <translation>Bokmärke {n}</translation>
    </message>
    <message>
        <source>Paused ({reason})</source>
        <translation>Paus ({reason})</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Waveform of the call</source>
        <translation>Samtalets vågform</translation>
    </message>
    <message>
        <source>Upper: the agent; lower: the customer. {marks} bookmark(s), {pauses} pause(s). Left and Right seek 5 seconds, Page Up and Page Down go to the previous or next marker.</source>
        <translation>Överst agenten, nederst kunden. Bokmärken: {marks}, pauser: {pauses}. Vänster- och högerpil hoppar 5 sekunder, Page Up och Page Down till föregående eller nästa markering.</translation>
    </message>
</context>
<context>
    <name>ChecksWindow</name>
    <message>
        <source>Checking this computer…</source>
        <translation>Kontrollerar den här datorn…</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem hittades.</numerusform>
            <numerusform>%n problem hittades.</numerusform>
        </translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Alla kontroller godkändes.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Copied: paste it into your message to IT.</source>
        <translation>Kopierat: klistra in det i ditt meddelande till IT.</translation>
    </message>
    <message>
        <source>Taltio: check this computer</source>
        <translation>Taltio: kontrollera den här datorn</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <source>Copy for IT</source>
        <translation>Kopiera till IT</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
</TS>
