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
        <location line="+143"/>
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
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../../desktop/taltio/ui/tray.py" line="+192"/>
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
        <source>Quit Taltio</source>
        <translation>Avsluta Taltio</translation>
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
</context>
<context>
    <name>TaltioApp</name>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="+171"/>
        <source>Your organisation has set the language of Taltio; it cannot be changed here.</source>
        <translation>Din organisation har ställt in språket i Taltio; det kan inte ändras här.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language could not be saved: {error}</source>
        <translation>Språkvalet kunde inte sparas: {error}</translation>
    </message>
    <message>
        <location line="+100"/>
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
        <location line="+113"/>
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
        <location line="+5"/>
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
        <location line="+2"/>
        <source>Ready: no call</source>
        <translation>Redo: inget samtal</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop/taltio/core/controller.py" line="+31"/>
        <source>no active call with id &apos;{call}&apos;</source>
        <translation>inget pågående samtal med id &apos;{call}&apos;</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>&apos;{event}&apos; needs an active call, and there is none</source>
        <translation>&apos;{event}&apos; kräver ett pågående samtal, och det finns inget</translation>
    </message>
    <message>
        <location line="+72"/>
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
        <location line="+24"/>
        <source>call id &apos;{call}&apos; was already used for an ended call</source>
        <translation>samtals-id &apos;{call}&apos; har redan använts för ett avslutat samtal</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Not recording: the calls waiting for upload fill this computer&apos;s quota ({used} of {quota} MB); recording resumes when uploads make room: check the network</source>
        <translation>Spelar inte in: samtalen som väntar på uppladdning fyller datorns kvot ({used} av {quota} MB); inspelningen fortsätter när uppladdningarna frigör utrymme: kontrollera nätverket</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location filename="../../desktop/taltio/core/session.py" line="+95"/>
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
        <location filename="../../desktop/taltio/adapters/audio_portaudio.py" line="+36"/>
        <location filename="../../desktop/taltio/adapters/audio_pulse.py" line="+62"/>
        <source>&apos;{device}&apos; stopped (unplugged, or the audio server restarted)</source>
        <translation>&apos;{device}&apos; slutade (urkopplad, eller så startade ljudservern om)</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="-230"/>
        <source>Taltio cannot record: {problem}</source>
        <translation>Taltio kan inte spela in: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/events.py" line="+88"/>
        <source>&apos;{value}&apos; is not a phone number (digits, optional leading +)</source>
        <translation>&apos;{value}&apos; är inte ett telefonnummer (siffror, eventuellt inledande +)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>unknown event &apos;{event}&apos;; expected one of: {events}</source>
        <translation>okänd händelse &apos;{event}&apos;; förväntade något av: {events}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a label, reason or queue must be text</source>
        <translation>en etikett, ett skäl eller en kö måste vara text</translation>
    </message>
</context>
</TS>
