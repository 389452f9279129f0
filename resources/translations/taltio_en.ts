<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/devices_dialog.py" line="+23"/>
        <source>set by your organisation</source>
        <translation>set by your organisation</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Taltio: audio devices</source>
        <translation>Taltio: audio devices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speak into your headset and play something in the softphone: both bars should move.</source>
        <translation>Speak into your headset and play something in the softphone: both bars should move.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your headset microphone</source>
        <translation>Your headset microphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>If it is unplugged, use</source>
        <translation>If it is unplugged, use</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Customer&apos;s side (softphone output)</source>
        <translation>Customer&apos;s side (softphone output)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Microphone level</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s side level</source>
        <translation>Customer&apos;s side level</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggested for the customer&apos;s side: &lt;b&gt;{device}&lt;/b&gt;, which carries what the softphone plays.</source>
        <translation>Suggested for the customer&apos;s side: &lt;b&gt;{device}&lt;/b&gt;, which carries what the softphone plays.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggested for the customer&apos;s side: &lt;b&gt;{device}&lt;/b&gt;, which carries what your default output plays.</source>
        <translation>Suggested for the customer&apos;s side: &lt;b&gt;{device}&lt;/b&gt;, which carries what your default output plays.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing: mark a gap and wait for it to return</source>
        <translation>Nothing: mark a gap and wait for it to return</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{device}  (suggested)</source>
        <translation>{device}  (suggested)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <location filename="../../desktop/taltio/ui/notice_card.py" line="+19"/>
        <source>Call ringing: prepare the notice</source>
        <translation>Call ringing: prepare the notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the notice, then start recording</source>
        <translation>Read the notice, then start recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● Recording</source>
        <translation>● Recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>❚❚ Paused: nothing is recorded</source>
        <translation>❚❚ Paused: nothing is recorded</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Taltio: call recording</source>
        <translation>Taltio: call recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finnish</source>
        <translation>Finnish</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swedish</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice language: {language}</source>
        <translation>Notice language: {language}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asks about the recording</source>
        <translation>Customer asks about the recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice given: start recording</source>
        <translation>Notice given: start recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer declined</source>
        <translation>Customer declined</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private call</source>
        <translation>Private call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause (card data)</source>
        <translation>Pause (card data)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume recording</source>
        <translation>Resume recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark agreement</source>
        <translation>Mark agreement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a label to the last agreement mark</source>
        <translation>Add a label to the last agreement mark</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Incoming call {number}</source>
        <translation>Incoming call {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outgoing call {number}</source>
        <translation>Outgoing call {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call {number}</source>
        <translation>Call {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>❚❚ On hold: nothing is recorded</source>
        <translation>❚❚ On hold: nothing is recorded</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recording started on answer: read this to the customer now:</source>
        <translation>Recording started on answer: read this to the customer now:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read this to the customer before recording:</source>
        <translation>Read this to the customer before recording:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Agreement marked at {time}: {label}</source>
        <translation>Agreement marked at {time}: {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change label…</source>
        <translation>Change label…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreement marked at {time}</source>
        <translation>Agreement marked at {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add label…</source>
        <translation>Add label…</translation>
    </message>
    <message>
        <source>✖ NOT recorded: recording failed</source>
        <translation>✖ NOT recorded: recording failed</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/preferences.py" line="+54"/>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Taltio: preferences</source>
        <translation>Taltio: preferences</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The computer&apos;s language</source>
        <translation>The computer&apos;s language</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Not saved: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
</context>
<context>
    <name>StaffNoticeDialog</name>
    <message>
        <location filename="../../desktop/taltio/ui/staff_notice.py" line="+45"/>
        <source>Taltio: how your calls are recorded</source>
        <translation>Taltio: how your calls are recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please read how call recording works on this workstation.</source>
        <translation>Please read how call recording works on this workstation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff notice text</source>
        <translation>Staff notice text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I have read this</source>
        <translation>I have read this</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge the staff notice</source>
        <translation>Acknowledge the staff notice</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <location filename="../../desktop/taltio/ui/pill.py" line="+123"/>
        <source>Ready: no call</source>
        <translation>Ready: no call</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>REC {time}</source>
        <translation>REC {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PAUSED {time}</source>
        <translation>PAUSED {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} {time}</source>
        <translation>{label} {time}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>REC</source>
        <translation>REC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PAUSED</source>
        <translation>PAUSED</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PRIVATE – not recorded</source>
        <translation>PRIVATE – not recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DECLINED – not recorded</source>
        <translation>DECLINED – not recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>READ NOTICE – not recording</source>
        <translation>READ NOTICE – not recording</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UPLOADING</source>
        <translation>UPLOADING</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LOCAL – not recording</source>
        <translation>LOCAL – not recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT RECORDING</source>
        <translation>NOT RECORDING</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taltio recording status</source>
        <translation>Taltio recording status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status symbol</source>
        <translation>Status symbol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording status</source>
        <translation>Recording status</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Taltio: {text}</source>
        <translation>Taltio: {text}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taltio status: {short}</source>
        <translation>Taltio status: {short}</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Start call…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>End call</translation>
    </message>
    <message>
        <source>Call actions</source>
        <translation>Call actions</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../../desktop/taltio/ui/tray.py" line="+204"/>
        <source>Show call card</source>
        <translation>Show call card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next call is private</source>
        <translation>Next call is private</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio devices…</source>
        <translation>Audio devices…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Taltio…</source>
        <translation>About Taltio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Taltio</source>
        <translation>Quit Taltio</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taltio: {status}</source>
        <translation>Taltio: {status}</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Start call…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>End call</translation>
    </message>
    <message>
        <source>Check this computer…</source>
        <translation>Check this computer…</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location line="-114"/>
        <source>Show call card</source>
        <translation>Show call card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio devices…</source>
        <translation>Audio devices…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next call is private</source>
        <translation>Next call is private</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Taltio…</source>
        <translation>About Taltio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Language of Taltio&apos;s screens</source>
        <translation>Language of Taltio&apos;s screens</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <source>Start call…</source>
        <translation>Start call…</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>End call</translation>
    </message>
    <message>
        <source>Check this computer…</source>
        <translation>Check this computer…</translation>
    </message>
</context>
<context>
    <name>TaltioApp</name>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="+174"/>
        <source>the policy {targets} has expired; it stays in force until a new version is published</source>
        <translation>the policy {targets} has expired; it stays in force until a new version is published</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+7"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Taltio {version}</source>
        <translation>Taltio {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor policy in force: {policy}</source>
        <translation>Supervisor policy in force: {policy}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: {reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machine policy: {source}</source>
        <translation>Machine policy: {source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Taltio</source>
        <translation>About Taltio</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Your organisation has set the language of Taltio; it cannot be changed here.</source>
        <translation>Your organisation has set the language of Taltio; it cannot be changed here.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language could not be saved: {error}</source>
        <translation>The language could not be saved: {error}</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Agreement mark</source>
        <translation>Agreement mark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was agreed? (a few words; no card or customer numbers)</source>
        <translation>What was agreed? (a few words; no card or customer numbers)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Private call</source>
        <translation>Private call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this call private? (kept in the local log, never any audio)</source>
        <translation>Why is this call private? (kept in the local log, never any audio)</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>softphone: {state}</source>
        <translation>softphone: {state}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not recording: configuration problem</source>
        <translation>Not recording: configuration problem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording is switched off by your organisation</source>
        <translation>Recording is switched off by your organisation</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n recording(s) waiting for upload</source>
        <translation>
            <numerusform>%n recording waiting for upload</numerusform>
            <numerusform>%n recordings waiting for upload</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(oldest {age})</source>
        <translation>(oldest {age})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>last upload error: {error}</source>
        <translation>last upload error: {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a supervisor policy was refused: {reason}</source>
        <translation>a supervisor policy was refused: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Private call: NOT recorded</source>
        <translation>Private call: NOT recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer declined: NOT recorded</source>
        <translation>Customer declined: NOT recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording failed</source>
        <translation>Recording failed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording call {number} ({seconds} s)</source>
        <translation>Recording call {number} ({seconds} s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call on hold: nothing is recorded</source>
        <translation>Call on hold: nothing is recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call waiting: nothing is recorded</source>
        <translation>Call waiting: nothing is recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused {time}: nothing is recorded</source>
        <translation>Paused {time}: nothing is recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call active: read the notice; not recording yet</source>
        <translation>Call active: read the notice; not recording yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next call is private: it will not be recorded</source>
        <translation>Next call is private: it will not be recorded</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last call was private: not recorded</source>
        <translation>Last call was private: not recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last call declined: not recorded</source>
        <translation>Last call declined: not recorded</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n recording(s) waiting: storage unreachable</source>
        <translation>
            <numerusform>%n recording waiting: storage unreachable</numerusform>
            <numerusform>%n recordings waiting: storage unreachable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Uploading %n recording(s)</source>
        <translation>
            <numerusform>Uploading %n recording</numerusform>
            <numerusform>Uploading %n recordings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved to {place}</source>
        <translation>Saved to {place}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standalone: recordings stay on this computer</source>
        <translation>Standalone: recordings stay on this computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting: not recording yet</source>
        <translation>Starting: not recording yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready: no call</source>
        <translation>Ready: no call</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>Start call</translation>
    </message>
    <message>
        <source>The customer&apos;s number (optional). The notice card opens next, as for any call.</source>
        <translation>The customer&apos;s number (optional). The notice card opens next, as for any call.</translation>
    </message>
    <message>
        <source>Recording does not pause by itself on this desktop when the payment window opens: press Pause while card details are given.</source>
        <translation>Recording does not pause by itself on this desktop when the payment window opens: press Pause while card details are given.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../desktop/taltio/core/controller.py" line="+32"/>
        <source>no active call with id &apos;{call}&apos;</source>
        <translation>no active call with id &apos;{call}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} calls are active and &apos;{event}&apos; does not say which: pass --call-id ID or --number N</source>
        <translation>{count} calls are active and &apos;{event}&apos; does not say which: pass --call-id ID or --number N</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>no active call with number {number}</source>
        <translation>no active call with number {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} active calls have the number {number}: pass --call-id ID</source>
        <translation>{count} active calls have the number {number}: pass --call-id ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{event}&apos; needs an active call, and there is none</source>
        <translation>&apos;{event}&apos; needs an active call, and there is none</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>unknown language &apos;{language}&apos;; use one of {languages}</source>
        <translation>unknown language &apos;{language}&apos;; use one of {languages}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Paused for {paused}: resume when the card details are done; recording resumes by itself at {limit}</source>
        <translation>Paused for {paused}: resume when the card details are done; recording resumes by itself at {limit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused for {paused}: resume when the card details are done</source>
        <translation>Paused for {paused}: resume when the card details are done</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>your organisation does not allow marking calls private; every call is recorded</source>
        <translation>your organisation does not allow marking calls private; every call is recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this number is a business line: its calls cannot be marked private</source>
        <translation>this number is a business line: its calls cannot be marked private</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give a short reason to mark this call private (taltio hook private --reason TEXT)</source>
        <translation>give a short reason to mark this call private (taltio hook private --reason TEXT)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>you have marked {count} calls private today, the most your organisation allows</source>
        <translation>you have marked {count} calls private today, the most your organisation allows</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>call id &apos;{call}&apos; was already used for an ended call</source>
        <translation>call id &apos;{call}&apos; was already used for an ended call</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Not recording: the calls waiting for upload fill this computer&apos;s quota ({used} of {quota} MB); recording resumes when uploads make room: check the network</source>
        <translation>Not recording: the calls waiting for upload fill this computer&apos;s quota ({used} of {quota} MB); recording resumes when uploads make room: check the network</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>new calls will not be recorded when it is full</source>
        <translation>new calls will not be recorded when it is full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recording continues</source>
        <translation>recording continues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload queue nearly full: {used} of {quota} MB wait for upload; {then}</source>
        <translation>Upload queue nearly full: {used} of {quota} MB wait for upload; {then}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s disk is full ({free} KB free): recordings cannot be saved until disk space is freed</source>
        <translation>This computer&apos;s disk is full ({free} KB free): recordings cannot be saved until disk space is freed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recording: this computer&apos;s disk is full ({free} KB free); recording resumes when disk space is freed</source>
        <translation>Not recording: this computer&apos;s disk is full ({free} KB free); recording resumes when disk space is freed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save this call&apos;s audio: the disk is full. It is kept in memory until there is room: free disk space now</source>
        <translation>Cannot save this call&apos;s audio: the disk is full. It is kept in memory until there is room: free disk space now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save this call&apos;s audio ({error}): it is kept in memory until it can be saved</source>
        <translation>Cannot save this call&apos;s audio ({error}): it is kept in memory until it can be saved</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Uploads are behind: {count} calls waiting, the oldest for {age}; check the network</source>
        <translation>Uploads are behind: {count} calls waiting, the oldest for {age}; check the network</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>your microphone</source>
        <translation>your microphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer&apos;s side</source>
        <translation>the customer&apos;s side</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>switching to the fallback device</source>
        <translation>switching to the fallback device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for it to return</source>
        <translation>waiting for it to return</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not hearing {side}: &apos;{device}&apos; stopped ({cause}); {then}</source>
        <translation>Not hearing {side}: &apos;{device}&apos; stopped ({cause}); {then}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hearing {side} through the fallback &apos;{device}&apos; until &apos;{preferred}&apos; returns</source>
        <translation>Hearing {side} through the fallback &apos;{device}&apos; until &apos;{preferred}&apos; returns</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your microphone has been silent for {seconds} s: check the headset and the call</source>
        <translation>Your microphone has been silent for {seconds} s: check the headset and the call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer has been silent for {seconds} s: check the headset and the call</source>
        <translation>The customer has been silent for {seconds} s: check the headset and the call</translation>
    </message>
    <message>
        <source>The computer is too busy: {side} fell {ms} ms out of step and was lined up again; the recording&apos;s manifest notes it</source>
        <translation>The computer is too busy: {side} fell {ms} ms out of step and was lined up again; the recording&apos;s manifest notes it</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/capture.py" line="+183"/>
        <source>no audio from the device for 0.5 s</source>
        <translation>no audio from the device for 0.5 s</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the device delivered no audio</source>
        <translation>the device delivered no audio</translation>
    </message>
    <message>
        <source>the call ended before the device delivered audio</source>
        <translation>the call ended before the device delivered audio</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>could not start: {error}</source>
        <translation>could not start: {error}</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>switching back to &apos;{device}&apos;</source>
        <translation>switching back to &apos;{device}&apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/session.py" line="+98"/>
        <source>call {call} is {state}; cannot go to {target}</source>
        <translation>call {call} is {state}; cannot go to {target}</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+19"/>
        <source>call {call} is marked {outcome}; it will not be recorded</source>
        <translation>call {call} is marked {outcome}; it will not be recorded</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>the call is not answered yet; give the notice once the customer is on the line</source>
        <translation>the call is not answered yet; give the notice once the customer is on the line</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>call {call} is not recording; nothing to pause</source>
        <translation>call {call} is not recording; nothing to pause</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>call {call} is not paused</source>
        <translation>call {call} is not paused</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>call {call} is not being recorded; nothing to bookmark</source>
        <translation>call {call} is not being recorded; nothing to bookmark</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the call has ended; its agreement mark was kept without a label</source>
        <translation>the call has ended; its agreement mark was kept without a label</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>call {call} has no agreement mark to label</source>
        <translation>call {call} has no agreement mark to label</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the call is private; nothing is recorded anyway</source>
        <translation>the call is private; nothing is recorded anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/ui/app.py" line="-252"/>
        <source>Taltio cannot record: {problem}</source>
        <translation>Taltio cannot record: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/events.py" line="+94"/>
        <source>&apos;{value}&apos; is not a phone number (digits, optional leading +)</source>
        <translation>&apos;{value}&apos; is not a phone number (digits, optional leading +)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>unknown event &apos;{event}&apos;; expected one of: {events}</source>
        <translation>unknown event &apos;{event}&apos;; expected one of: {events}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a call id or number must be text</source>
        <translation>a call id or number must be text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a label, reason or queue must be text</source>
        <translation>a label, reason or queue must be text</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/policy.py" line="+220"/>
        <source>The {target} policy has no signature. Ask the supervisor to sign it (taltio-admin policy sign) and publish it again.</source>
        <translation>The {target} policy has no signature. Ask the supervisor to sign it (taltio-admin policy sign) and publish it again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>The {target} policy&apos;s signature is not an SSH signature ({detail}). Ask the supervisor to sign and publish it again.</source>
        <translation>The {target} policy&apos;s signature is not an SSH signature ({detail}). Ask the supervisor to sign and publish it again.</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+57"/>
        <source>The {target} policy&apos;s {part} is cut short (truncated). Publish it again; if it keeps happening, check the storage and the network.</source>
        <translation>The {target} policy&apos;s {part} is cut short (truncated). Publish it again; if it keeps happening, check the storage and the network.</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The {target} policy does not match its signature: it was changed after it was signed, or the signature belongs to another document. Ask the supervisor to sign and publish it again.</source>
        <translation>The {target} policy does not match its signature: it was changed after it was signed, or the signature belongs to another document. Ask the supervisor to sign and publish it again.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The {target} policy is signed by a key this workstation does not trust ({key}). IT lists the supervisors&apos; keys in policy.allowed_signers.</source>
        <translation>The {target} policy is signed by a key this workstation does not trust ({key}). IT lists the supervisors&apos; keys in policy.allowed_signers.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+135"/>
        <source>The {target} policy is not a valid policy document ({detail}). Create it with taltio-admin policy new/edit and publish it again.</source>
        <translation>The {target} policy is not a valid policy document ({detail}). Create it with taltio-admin policy new/edit and publish it again.</translation>
    </message>
    <message>
        <location line="-130"/>
        <location line="+55"/>
        <location line="+45"/>
        <source>The {target} policy gives &apos;{key}&apos; a wrong value: it must be {expected}, not {actual}. Fix it with taltio-admin policy edit and publish it again.</source>
        <translation>The {target} policy gives &apos;{key}&apos; a wrong value: it must be {expected}, not {actual}. Fix it with taltio-admin policy edit and publish it again.</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>The {target} policy has a field this version of Taltio does not know: &apos;{key}&apos;. Remove it (or update Taltio) and publish it again.</source>
        <translation>The {target} policy has a field this version of Taltio does not know: &apos;{key}&apos;. Remove it (or update Taltio) and publish it again.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The {target} policy&apos;s version must be a whole number from 1 to {max}.</source>
        <translation>The {target} policy&apos;s version must be a whole number from 1 to {max}.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The {target} policy sets &apos;{key}&apos;, which is not a setting this version of Taltio knows (see docs/configuration.md). Remove it and publish it again.</source>
        <translation>The {target} policy sets &apos;{key}&apos;, which is not a setting this version of Taltio knows (see docs/configuration.md). Remove it and publish it again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {target} policy sets &apos;{key}&apos;, which only IT may set (machine policy), never a supervisor policy. Remove it and publish it again.</source>
        <translation>The {target} policy sets &apos;{key}&apos;, which only IT may set (machine policy), never a supervisor policy. Remove it and publish it again.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The {target} policy gives &apos;{key}&apos; a value it cannot use: {detail}. Fix it with taltio-admin policy edit and publish it again.</source>
        <translation>The {target} policy gives &apos;{key}&apos; a value it cannot use: {detail}. Fix it with taltio-admin policy edit and publish it again.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The policy published as {target} is written for {actual}. Publish each document under its own target&apos;s name (taltio-admin policy publish does).</source>
        <translation>The policy published as {target} is written for {actual}. Publish each document under its own target&apos;s name (taltio-admin policy publish does).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The {target} policy has version {version}, but version {current} is already in force: this is an older or a different copy. Publish changes with a higher version (taltio-admin policy new or edit raise it).</source>
        <translation>The {target} policy has version {version}, but version {current} is already in force: this is an older or a different copy. Publish changes with a higher version (taltio-admin policy new or edit raise it).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The {target} policy expired at {expires_at}. The supervisor must publish a new version (or check this computer&apos;s clock).</source>
        <translation>The {target} policy expired at {expires_at}. The supervisor must publish a new version (or check this computer&apos;s clock).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {target} policy is issued in the future ({issued_at}). Check this computer&apos;s clock and the supervisor&apos;s.</source>
        <translation>The {target} policy is issued in the future ({issued_at}). Check this computer&apos;s clock and the supervisor&apos;s.</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/core/policy_sync.py" line="+96"/>
        <location line="+5"/>
        <source>The saved {target} policy on this computer was changed; it is no longer applied. The next fetch from storage replaces it.</source>
        <translation>The saved {target} policy on this computer was changed; it is no longer applied. The next fetch from storage replaces it.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The {target} policy in force (version {version}) is no longer in storage. It stays in force; to withdraw settings, publish a new version without them.</source>
        <translation>The {target} policy in force (version {version}) is no longer in storage. It stays in force; to withdraw settings, publish a new version without them.</translation>
    </message>
    <message>
        <location filename="../../desktop/taltio/adapters/audio_portaudio.py" line="+37"/>
        <location filename="../../desktop/taltio/adapters/audio_pulse.py" line="+63"/>
        <source>unplugged, or the audio server restarted</source>
        <translation>unplugged, or the audio server restarted</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a shortcut: write keys joined by +, e.g. Ctrl+Alt+Shift+S</source>
        <translation>&apos;{text}&apos; is not a shortcut: write keys joined by +, e.g. Ctrl+Alt+Shift+S</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; in &apos;{text}&apos; is not a modifier: use Ctrl, Alt, Shift or Meta</source>
        <translation>&apos;{part}&apos; in &apos;{text}&apos; is not a modifier: use Ctrl, Alt, Shift or Meta</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; in &apos;{text}&apos; is not a key a shortcut can use: a letter, a digit, F1-F24, or one of {named}</source>
        <translation>&apos;{key}&apos; in &apos;{text}&apos; is not a key a shortcut can use: a letter, a digit, F1-F24, or one of {named}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; would take the key from every program the agent types in: add Ctrl, Alt or Meta</source>
        <translation>&apos;{text}&apos; would take the key from every program the agent types in: add Ctrl, Alt or Meta</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>Start call</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>End call</translation>
    </message>
    <message>
        <source>The shortcut {keys} ({action}) is used by another program: choose another in Preferences.</source>
        <translation>The shortcut {keys} ({action}) is used by another program: choose another in Preferences.</translation>
    </message>
    <message>
        <source>The shortcut {keys} ({action}) names a key this keyboard does not have: choose another in Preferences.</source>
        <translation>The shortcut {keys} ({action}) names a key this keyboard does not have: choose another in Preferences.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts for calls do not work on this desktop: use the tray menu or the status pill.</source>
        <translation>Keyboard shortcuts for calls do not work on this desktop: use the tray menu or the status pill.</translation>
    </message>
    <message>
        <source>{path} already exists with other content; refusing to overwrite</source>
        <translation>{path} already exists with other content; refusing to overwrite</translation>
    </message>
    <message>
        <source>copy to {path} did not verify (checksum differs)</source>
        <translation>copy to {path} did not verify (checksum differs)</translation>
    </message>
    <message>
        <source>cannot write to {path}: {error}</source>
        <translation>cannot write to {path}: {error}</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>cannot read {path}: {error}</translation>
    </message>
    <message>
        <source>folder {path} is not writable: {error}</source>
        <translation>folder {path} is not writable: {error}</translation>
    </message>
    <message>
        <source>cannot write {key} to {path}: {error}</source>
        <translation>cannot write {key} to {path}: {error}</translation>
    </message>
    <message>
        <source>cannot read {key} from {path}: {error}</source>
        <translation>cannot read {key} from {path}: {error}</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} cannot be read ({error}); put the organisation's CA certificate (PEM) there or fix the setting</source>
        <translation>storage.ca_bundle {path} cannot be read ({error}); put the organisation's CA certificate (PEM) there or fix the setting</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} holds no PEM certificate (no '-----BEGIN CERTIFICATE-----'); export the CA as PEM (Base64), not DER</source>
        <translation>storage.ca_bundle {path} holds no PEM certificate (no '-----BEGIN CERTIFICATE-----'); export the CA as PEM (Base64), not DER</translation>
    </message>
    <message>
        <source>storage.ca_bundle {path} is not a usable PEM CA file ({error})</source>
        <translation>storage.ca_bundle {path} is not a usable PEM CA file ({error})</translation>
    </message>
    <message>
        <source>cannot reach storage at {where} through proxy {proxy} ({reason}): check storage.proxy (or HTTPS_PROXY / NO_PROXY)</source>
        <translation>cannot reach storage at {where} through proxy {proxy} ({reason}): check storage.proxy (or HTTPS_PROXY / NO_PROXY)</translation>
    </message>
    <message>
        <source>storage at {where} did not answer in time (connect timeout): check the network and storage.proxy</source>
        <translation>storage at {where} did not answer in time (connect timeout): check the network and storage.proxy</translation>
    </message>
    <message>
        <source>storage at {where} stopped answering (read timeout)</source>
        <translation>storage at {where} stopped answering (read timeout)</translation>
    </message>
    <message>
        <source>storage unreachable at {where}: cannot connect ({reason})</source>
        <translation>storage unreachable at {where}: cannot connect ({reason})</translation>
    </message>
    <message>
        <source>storage at {where} closed the connection mid-request</source>
        <translation>storage at {where} closed the connection mid-request</translation>
    </message>
    <message>
        <source>storage unreachable at {where}: {reason}</source>
        <translation>storage unreachable at {where}: {reason}</translation>
    </message>
    <message>
        <source>storage at {where} presented a certificate for another name (CERTIFICATE_VERIFY_FAILED: {reason}): storage.endpoint must use a host name the certificate lists</source>
        <translation>storage at {where} presented a certificate for another name (CERTIFICATE_VERIFY_FAILED: {reason}): storage.endpoint must use a host name the certificate lists</translation>
    </message>
    <message>
        <source>storage at {where} presented an expired certificate (CERTIFICATE_VERIFY_FAILED: {reason}): renew it on the storage (or check this computer's clock)</source>
        <translation>storage at {where} presented an expired certificate (CERTIFICATE_VERIFY_FAILED: {reason}): renew it on the storage (or check this computer's clock)</translation>
    </message>
    <message>
        <source>storage at {where} presented a certificate this computer does not trust (CERTIFICATE_VERIFY_FAILED: {reason}): set storage.ca_bundle to your organisation's CA, or install it in the OS trust store (if a proxy inspects TLS, it is the proxy's CA)</source>
        <translation>storage at {where} presented a certificate this computer does not trust (CERTIFICATE_VERIFY_FAILED: {reason}): set storage.ca_bundle to your organisation's CA, or install it in the OS trust store (if a proxy inspects TLS, it is the proxy's CA)</translation>
    </message>
    <message>
        <source>TLS handshake with storage at {where} failed ({reason}): check that storage.endpoint has the right scheme (https://) and port, and storage.proxy</source>
        <translation>TLS handshake with storage at {where} failed ({reason}): check that storage.endpoint has the right scheme (https://) and port, and storage.proxy</translation>
    </message>
    <message>
        <source>the host name is not known (DNS)</source>
        <translation>the host name is not known (DNS)</translation>
    </message>
    <message>
        <source>no S3 credentials: set storage.access_key_id and store the secret with `taltio enroll` (or TALTIO_S3_SECRET)</source>
        <translation>no S3 credentials: set storage.access_key_id and store the secret with `taltio enroll` (or TALTIO_S3_SECRET)</translation>
    </message>
    <message>
        <source>{storage} stored an object that did not match its checksum: nothing more is uploaded, and every local copy is kept, until IT checks the storage (it must verify x-amz-checksum-sha256)</source>
        <translation>{storage} stored an object that did not match its checksum: nothing more is uploaded, and every local copy is kept, until IT checks the storage (it must verify x-amz-checksum-sha256)</translation>
    </message>
    <message>
        <source>cannot read {file} for upload: {error}</source>
        <translation>cannot read {file} for upload: {error}</translation>
    </message>
    <message>
        <source>the signature of {file} is unreadable ({error}); it cannot be uploaded</source>
        <translation>the signature of {file} is unreadable ({error}); it cannot be uploaded</translation>
    </message>
    <message>
        <source>storage stored {key} with a different checksum</source>
        <translation>storage stored {key} with a different checksum</translation>
    </message>
    <message>
        <source>storage gave no upload id for {file} (the answer was cut off); retrying</source>
        <translation>storage gave no upload id for {file} (the answer was cut off); retrying</translation>
    </message>
    <message>
        <source>storage assembled {file} with a different checksum</source>
        <translation>storage assembled {file} with a different checksum</translation>
    </message>
    <message>
        <source>storage accepted an object that did not match its checksum ({key}); it cannot be trusted with recordings</source>
        <translation>storage accepted an object that did not match its checksum ({key}); it cannot be trusted with recordings</translation>
    </message>
    <message>
        <source>storage refused {file}: {code}; {hint}</source>
        <translation>storage refused {file}: {code}; {hint}</translation>
    </message>
    <message>
        <source>storage refused {file}: {code}</source>
        <translation>storage refused {file}: {code}</translation>
    </message>
    <message>
        <source>{storage} refused a test write ({code}); check the access key and its policy</source>
        <translation>{storage} refused a test write ({code}); check the access key and its policy</translation>
    </message>
    <message>
        <source>the agent's key needs s3:PutObject on {arn}</source>
        <translation>the agent's key needs s3:PutObject on {arn}</translation>
    </message>
    <message>
        <source>create the fleet bucket {bucket} (no Object Lock) or set fleet.bucket</source>
        <translation>create the fleet bucket {bucket} (no Object Lock) or set fleet.bucket</translation>
    </message>
    <message>
        <source>s3://{bucket} refused {key}: {code}</source>
        <translation>s3://{bucket} refused {key}: {code}</translation>
    </message>
    <message>
        <source>the agent's key needs s3:GetObject on {arn}</source>
        <translation>the agent's key needs s3:GetObject on {arn}</translation>
    </message>
    <message>
        <source>bucket {bucket} does not exist; check policy.url</source>
        <translation>bucket {bucket} does not exist; check policy.url</translation>
    </message>
    <message>
        <source>s3://{bucket} refused reading {key}: {code}</source>
        <translation>s3://{bucket} refused reading {key}: {code}</translation>
    </message>
    <message>
        <source>this computer's access key may not write there: ask IT to check its storage policy</source>
        <translation>this computer's access key may not write there: ask IT to check its storage policy</translation>
    </message>
    <message>
        <source>storage does not know this computer's access key: ask IT to enrol the computer again</source>
        <translation>storage does not know this computer's access key: ask IT to enrol the computer again</translation>
    </message>
    <message>
        <source>the stored secret does not match the access key: ask IT to enrol the computer again</source>
        <translation>the stored secret does not match the access key: ask IT to enrol the computer again</translation>
    </message>
    <message>
        <source>the bucket does not exist: check storage.url</source>
        <translation>the bucket does not exist: check storage.url</translation>
    </message>
    <message>
        <source>this computer's clock is wrong: set the date and time</source>
        <translation>this computer's clock is wrong: set the date and time</translation>
    </message>
    <message>
        <source>{problem}; {hint}</source>
        <translation>{problem}; {hint}</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>the connection was refused</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>the connection was reset</translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation>the network is unreachable</translation>
    </message>
    <message>
        <source>the host is unreachable</source>
        <translation>the host is unreachable</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>the connection timed out</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>the disk quota is used up</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>no such file or folder</translation>
    </message>
    <message>
        <source>a file is where a folder should be</source>
        <translation>a file is where a folder should be</translation>
    </message>
    <message>
        <source>a file of that name exists</source>
        <translation>a file of that name exists</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>the disk reported an input/output error</translation>
    </message>
    <message>
        <source>recording did not start: {reason}</source>
        <translation>recording did not start: {reason}</translation>
    </message>
    <message>
        <source>cannot start recording: {error}</source>
        <translation>cannot start recording: {error}</translation>
    </message>
    <message>
        <source>{path} is missing from the local queue; it cannot be uploaded</source>
        <translation>{path} is missing from the local queue; it cannot be uploaded</translation>
    </message>
    <message>
        <source>cannot read {file} of call {call}: {error}</source>
        <translation>cannot read {file} of call {call}: {error}</translation>
    </message>
    <message>
        <source>unexpected error while uploading: {error}</source>
        <translation>unexpected error while uploading: {error}</translation>
    </message>
    <message>
        <source>process taps need macOS 14.2 or later and the 'catap' package</source>
        <translation>process taps need macOS 14.2 or later and the 'catap' package</translation>
    </message>
    <message>
        <source>the process tap on '{program}'</source>
        <translation>the process tap on '{program}'</translation>
    </message>
    <message>
        <source>'{program}' is not running; start the softphone first</source>
        <translation>'{program}' is not running; start the softphone first</translation>
    </message>
    <message>
        <source>cannot tap '{program}': {error}</source>
        <translation>cannot tap '{program}': {error}</translation>
    </message>
    <message>
        <source>audio device '{device}' is not connected</source>
        <translation>audio device '{device}' is not connected</translation>
    </message>
    <message>
        <source>cannot open '{device}' at {rate} Hz: {error}</source>
        <translation>cannot open '{device}' at {rate} Hz: {error}</translation>
    </message>
    <message>
        <source>the Core Audio backend runs only on macOS</source>
        <translation>the Core Audio backend runs only on macOS</translation>
    </message>
    <message>
        <source>Core Audio capture needs the 'sounddevice' package: {error}</source>
        <translation>Core Audio capture needs the 'sounddevice' package: {error}</translation>
    </message>
    <message>
        <source>audio system unavailable: {error}</source>
        <translation>audio system unavailable: {error}</translation>
    </message>
    <message>
        <source>'{device}' is not connected</source>
        <translation>'{device}' is not connected</translation>
    </message>
    <message>
        <source>cannot open '{device}': {error}</source>
        <translation>cannot open '{device}': {error}</translation>
    </message>
    <message>
        <source>libpulse-simple is missing ({error}); install libpulse0</source>
        <translation>libpulse-simple is missing ({error}); install libpulse0</translation>
    </message>
    <message>
        <source>cannot reach the audio server (PipeWire/PulseAudio): {error}</source>
        <translation>cannot reach the audio server (PipeWire/PulseAudio): {error}</translation>
    </message>
    <message>
        <source>cannot start {device}: {error}</source>
        <translation>cannot start {device}: {error}</translation>
    </message>
    <message>
        <source>no audio from {device} within {seconds} s of opening it</source>
        <translation>no audio from {device} within {seconds} s of opening it</translation>
    </message>
    <message>
        <source>no audio from {device} for {seconds} s</source>
        <translation>no audio from {device} for {seconds} s</translation>
    </message>
    <message>
        <source>the loopback of '{device}'</source>
        <translation>the loopback of '{device}'</translation>
    </message>
    <message>
        <source>the WASAPI backend runs only on Windows</source>
        <translation>the WASAPI backend runs only on Windows</translation>
    </message>
    <message>
        <source>WASAPI capture needs the 'soundcard' package: {error}</source>
        <translation>WASAPI capture needs the 'soundcard' package: {error}</translation>
    </message>
    <message>
        <source>baresip at {where} unreachable ({error})</source>
        <translation>baresip at {where} unreachable ({error})</translation>
    </message>
    <message>
        <source>connected to baresip at {where}</source>
        <translation>connected to baresip at {where}</translation>
    </message>
    <message>
        <source>baresip connection lost ({error})</source>
        <translation>baresip connection lost ({error})</translation>
    </message>
    <message>
        <source>baresip closed the control connection</source>
        <translation>baresip closed the control connection</translation>
    </message>
    <message>
        <source>{reason}; {count} call(s) in progress are kept for {kept} s; retrying in {delay} s</source>
        <translation>{reason}; {count} call(s) in progress are kept for {kept} s; retrying in {delay} s</translation>
    </message>
    <message>
        <source>{reason}; retrying in {delay} s</source>
        <translation>{reason}; retrying in {delay} s</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>Bria not reachable at {where} ({error}); retrying</source>
        <translation>Bria not reachable at {where} ({error}); retrying</translation>
    </message>
    <message>
        <source>connected to Bria at {where}</source>
        <translation>connected to Bria at {where}</translation>
    </message>
    <message>
        <source>Bria closed the API connection; reconnecting</source>
        <translation>Bria closed the API connection; reconnecting</translation>
    </message>
    <message>
        <source>Bria connection lost ({error}); reconnecting</source>
        <translation>Bria connection lost ({error}); reconnecting</translation>
    </message>
    <message>
        <source>waiting for `taltio hook` commands</source>
        <translation>waiting for `taltio hook` commands</translation>
    </message>
    <message>
        <source>linphone-daemon not reachable at {where} ({error}); retrying</source>
        <translation>linphone-daemon not reachable at {where} ({error}); retrying</translation>
    </message>
    <message>
        <source>linphone-daemon at {where}: {problem}; reconnecting</source>
        <translation>linphone-daemon at {where}: {problem}; reconnecting</translation>
    </message>
    <message>
        <source>linphone-daemon at {where} dropped the connection ({error}; another client connected?); retrying</source>
        <translation>linphone-daemon at {where} dropped the connection ({error}; another client connected?); retrying</translation>
    </message>
    <message>
        <source>connected to linphone-daemon at {where}</source>
        <translation>connected to linphone-daemon at {where}</translation>
    </message>
    <message>
        <source>the daemon closed the connection (another client connected?)</source>
        <translation>the daemon closed the connection (another client connected?)</translation>
    </message>
    <message>
        <source>the daemon floods the connection</source>
        <translation>the daemon floods the connection</translation>
    </message>
    <message>
        <source>no answer to '{command}' within {seconds} s</source>
        <translation>no answer to '{command}' within {seconds} s</translation>
    </message>
    <message>
        <source>connection closed by the daemon</source>
        <translation>connection closed by the daemon</translation>
    </message>
    <message>
        <source>an oversized answer</source>
        <translation>an oversized answer</translation>
    </message>
    <message>
        <source>microphone</source>
        <translation>microphone</translation>
    </message>
    <message>
        <source>loopback device</source>
        <translation>loopback device</translation>
    </message>
    <message>
        <source>no {device} configured and none found</source>
        <translation>no {device} configured and none found</translation>
    </message>
    <message>
        <source>{device} '{spec}' matches several devices; available: {available}</source>
        <translation>{device} '{spec}' matches several devices; available: {available}</translation>
    </message>
    <message>
        <source>{device} '{spec}' was not found; available: {available}</source>
        <translation>{device} '{spec}' was not found; available: {available}</translation>
    </message>
    <message>
        <source>{device} '{spec}' was not found, and there is none at all</source>
        <translation>{device} '{spec}' was not found, and there is none at all</translation>
    </message>
    <message>
        <source>no OS keyring is available (on Linux, start a Secret Service such as gnome-keyring or KWallet); Taltio will not keep private keys in plain files</source>
        <translation>no OS keyring is available (on Linux, start a Secret Service such as gnome-keyring or KWallet); Taltio will not keep private keys in plain files</translation>
    </message>
    <message>
        <source>keyring read failed ({error})</source>
        <translation>keyring read failed ({error})</translation>
    </message>
    <message>
        <source>keyring write failed ({error})</source>
        <translation>keyring write failed ({error})</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be {type}, got the text {value}</source>
        <translation>{key} (from {source}) must be {type}, got the text {value}</translation>
    </message>
    <message>
        <source>{path}: cannot list ({error})</source>
        <translation>{path}: cannot list ({error})</translation>
    </message>
    <message>
        <source>{path}: cannot read ({error})</source>
        <translation>{path}: cannot read ({error})</translation>
    </message>
    <message>
        <source>{source}: value '{name}' must be in the subkey of its section, e.g. {example}</source>
        <translation>{source}: value '{name}' must be in the subkey of its section, e.g. {example}</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be {want}, got {got}</source>
        <translation>{key} (from {source}) must be {want}, got {got}</translation>
    </message>
    <message>
        <source>{key} (from {source}) must be 0 or 1, got {got}</source>
        <translation>{key} (from {source}) must be 0 or 1, got {got}</translation>
    </message>
    <message>
        <source>managed preferences exist only on macOS</source>
        <translation>managed preferences exist only on macOS</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>not configured</translation>
    </message>
    <message>
        <source>encryption.recipients[{index}] '{recipient}' is not a valid age recipient (expected age1… or ssh-ed25519 …)</source>
        <translation>encryption.recipients[{index}] '{recipient}' is not a valid age recipient (expected age1… or ssh-ed25519 …)</translation>
    </message>
    <message>
        <source>no encryption recipients configured; recordings cannot be encrypted</source>
        <translation>no encryption recipients configured; recordings cannot be encrypted</translation>
    </message>
    <message>
        <source>'{rule}' is not PATTERN=LANG or queue:NAME=LANG with LANG one of {languages} (e.g. '+46*=sv' or 'queue:Kundtjänst*=sv')</source>
        <translation>'{rule}' is not PATTERN=LANG or queue:NAME=LANG with LANG one of {languages} (e.g. '+46*=sv' or 'queue:Kundtjänst*=sv')</translation>
    </message>
    <message>
        <source>'{rule}' names no queue; write queue:NAME=LANG</source>
        <translation>'{rule}' names no queue; write queue:NAME=LANG</translation>
    </message>
    <message>
        <source>'{rule}': '{pattern}' is not a number pattern (digits, +, * or ?) nor queue:NAME</source>
        <translation>'{rule}': '{pattern}' is not a number pattern (digits, +, * or ?) nor queue:NAME</translation>
    </message>
    <message>
        <source>'{pattern}' is not a number pattern (digits, +, and * or ? as wildcards)</source>
        <translation>'{pattern}' is not a number pattern (digits, +, and * or ? as wildcards)</translation>
    </message>
    <message>
        <source>'{number}' is not a phone number (digits, an optional leading +, spaces and dashes)</source>
        <translation>'{number}' is not a phone number (digits, an optional leading +, spaces and dashes)</translation>
    </message>
    <message>
        <source>the number-index key is not base64</source>
        <translation>the number-index key is not base64</translation>
    </message>
    <message>
        <source>the number-index key must be {size} bytes (base64 of 32 random bytes), not {actual}; make one with `taltio-admin keys new-index`</source>
        <translation>the number-index key must be {size} bytes (base64 of 32 random bytes), not {actual}; make one with `taltio-admin keys new-index`</translation>
    </message>
    <message>
        <source>'{pattern}': a pattern is 1 to {most} characters</source>
        <translation>'{pattern}': a pattern is 1 to {most} characters</translation>
    </message>
    <message>
        <source>'{pattern}' matches every window: name the payment window (e.g. '*Maksu*' or 'payterm.exe')</source>
        <translation>'{pattern}' matches every window: name the payment window (e.g. '*Maksu*' or 'payterm.exe')</translation>
    </message>
    <message>
        <source>a UTC time like 2025-03-01T08:00:00Z</source>
        <translation>a UTC time like 2025-03-01T08:00:00Z</translation>
    </message>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>not bytes</source>
        <translation>not bytes</translation>
    </message>
    <message>
        <source>larger than {size} KiB</source>
        <translation>larger than {size} KiB</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>not UTF-8 text</translation>
    </message>
    <message>
        <source>not JSON: {error} at line {line} column {column}</source>
        <translation>not JSON: {error} at line {line} column {column}</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>nested too deeply</translation>
    </message>
    <message>
        <source>a JSON object is needed, not {actual}</source>
        <translation>a JSON object is needed, not {actual}</translation>
    </message>
    <message>
        <source>missing {fields}</source>
        <translation>missing {fields}</translation>
    </message>
    <message>
        <source>schema must be '{schema}'</source>
        <translation>schema must be '{schema}'</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>format {format} is not supported (this Taltio reads format {supported})</source>
        <translation>format {format} is not supported (this Taltio reads format {supported})</translation>
    </message>
    <message>
        <source>expires_at is not after issued_at</source>
        <translation>expires_at is not after issued_at</translation>
    </message>
    <message>
        <source>'org', 'group:NAME' or 'agent:ID'</source>
        <translation>'org', 'group:NAME' or 'agent:ID'</translation>
    </message>
    <message>
        <source>an object of setting: value</source>
        <translation>an object of setting: value</translation>
    </message>
    <message>
        <source>a list of texts</source>
        <translation>a list of texts</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>the {target} policy</source>
        <translation>the {target} policy</translation>
    </message>
    <message>
        <source>target must be 'org', 'group:NAME' or 'agent:ID' (NAME/ID: 1-64 letters, digits, '.', '_' or '-'), not {target}</source>
        <translation>target must be 'org', 'group:NAME' or 'agent:ID' (NAME/ID: 1-64 letters, digits, '.', '_' or '-'), not {target}</translation>
    </message>
    <message>
        <source>libopus did not set up two uncoupled streams; this FFmpeg build cannot record the two-mono layout (set audio.opus_layout = stereo)</source>
        <translation>libopus did not set up two uncoupled streams; this FFmpeg build cannot record the two-mono layout (set audio.opus_layout = stereo)</translation>
    </message>
    <message>
        <source>Opus cannot use {what} {value}; use one of {choices}</source>
        <translation>Opus cannot use {what} {value}; use one of {choices}</translation>
    </message>
    <message>
        <source>Opus cannot record at {rate} Hz; use one of {choices}</source>
        <translation>Opus cannot record at {rate} Hz; use one of {choices}</translation>
    </message>
    <message>
        <source>cannot start the Opus encoder: {error}</source>
        <translation>cannot start the Opus encoder: {error}</translation>
    </message>
    <message>
        <source>unknown codec '{codec}'; use 'opus' or 'flac'</source>
        <translation>unknown codec '{codec}'; use 'opus' or 'flac'</translation>
    </message>
    <message>
        <source>{source}: unknown setting '{key}' (see docs/configuration.md)</source>
        <translation>{source}: unknown setting '{key}' (see docs/configuration.md)</translation>
    </message>
    <message>
        <source>{variable} points to {path}, which does not exist</source>
        <translation>{variable} points to {path}, which does not exist</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text (byte {byte}); save it as UTF-8</source>
        <translation>{path}: not UTF-8 text (byte {byte}); save it as UTF-8</translation>
    </message>
    <message>
        <source>{path}: not valid TOML ({error}); fix the file or remove it</source>
        <translation>{path}: not valid TOML ({error}); fix the file or remove it</translation>
    </message>
    <message>
        <source>{path}: not valid TOML (nested too deeply); fix the file or remove it</source>
        <translation>{path}: not valid TOML (nested too deeply); fix the file or remove it</translation>
    </message>
    <message>
        <source>'{key}' can only be set by the organisation</source>
        <translation>'{key}' can only be set by the organisation</translation>
    </message>
    <message>
        <source>your settings</source>
        <translation>your settings</translation>
    </message>
    <message>
        <source>{source}: [taltio] format must be a whole number from 1, got {value}</source>
        <translation>{source}: [taltio] format must be a whole number from 1, got {value}</translation>
    </message>
    <message>
        <source>{source} is in settings format {format}, written by a newer Taltio (this one reads up to {supported}); upgrade Taltio on this computer</source>
        <translation>{source} is in settings format {format}, written by a newer Taltio (this one reads up to {supported}); upgrade Taltio on this computer</translation>
    </message>
    <message>
        <source>{key} (from {origin}) is too large a number: {value}</source>
        <translation>{key} (from {origin}) is too large a number: {value}</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be a list of strings</source>
        <translation>{key} (from {origin}) must be a list of strings</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be {type}, got {got}</source>
        <translation>{key} (from {origin}) must be {type}, got {got}</translation>
    </message>
    <message>
        <source>{key} (from {origin}) must be one of {choices}; got {value}</source>
        <translation>{key} (from {origin}) must be one of {choices}; got {value}</translation>
    </message>
    <message>
        <source>{key} (from {origin}): {problem}</source>
        <translation>{key} (from {origin}): {problem}</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>must be between {low} and {high}</translation>
    </message>
    <message>
        <source>must be at least {low}</source>
        <translation>must be at least {low}</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>must be more than 0</translation>
    </message>
    <message>
        <source>must be an absolute path to a PEM file</source>
        <translation>must be an absolute path to a PEM file</translation>
    </message>
    <message>
        <source>use s3://BUCKET/PREFIX or file:///PATH</source>
        <translation>use s3://BUCKET/PREFIX or file:///PATH</translation>
    </message>
    <message>
        <source>'{value}' is not X,Y in pixels (e.g. '1700,40')</source>
        <translation>'{value}' is not X,Y in pixels (e.g. '1700,40')</translation>
    </message>
    <message>
        <source>must start with https:// (or http:// on a trusted network)</source>
        <translation>must start with https:// (or http:// on a trusted network)</translation>
    </message>
    <message>
        <source>use http://HOST:PORT (or https://HOST:PORT for a TLS proxy)</source>
        <translation>use http://HOST:PORT (or https://HOST:PORT for a TLS proxy)</translation>
    </message>
    <message>
        <source>'{host}' has no valid port</source>
        <translation>'{host}' has no valid port</translation>
    </message>
    <message>
        <source>use HOST:PORT, e.g. 127.0.0.1:4444</source>
        <translation>use HOST:PORT, e.g. 127.0.0.1:4444</translation>
    </message>
    <message>
        <source>folder {path} is writable</source>
        <translation>folder {path} is writable</translation>
    </message>
    <message>
        <source>plain HTTP, no TLS (storage.endpoint is http://)</source>
        <translation>plain HTTP, no TLS (storage.endpoint is http://)</translation>
    </message>
    <message>
        <source>TLS NOT VERIFIED (storage.dev_insecure_tls)</source>
        <translation>TLS NOT VERIFIED (storage.dev_insecure_tls)</translation>
    </message>
    <message>
        <source>OS trust store</source>
        <translation>OS trust store</translation>
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
        <translation>TLS verified against {trust}</translation>
    </message>
    <message>
        <source>the CA list shipped with Taltio</source>
        <translation>the CA list shipped with Taltio</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>environment</translation>
    </message>
    <message>
        <source>direct (no proxy)</source>
        <translation>direct (no proxy)</translation>
    </message>
    <message>
        <source>direct (NO_PROXY exempts {host})</source>
        <translation>direct (NO_PROXY exempts {host})</translation>
    </message>
    <message>
        <source>proxy {proxy} (from {source})</source>
        <translation>proxy {proxy} (from {source})</translation>
    </message>
    <message>
        <source>{tls}; {route}</source>
        <translation>{tls}; {route}</translation>
    </message>
    <message>
        <source>{storage} accepts writes</source>
        <translation>{storage} accepts writes</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>settings</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>keyring</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>recipients</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>storage network</source>
        <translation>storage network</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>storage</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>disk</translation>
    </message>
    <message>
        <source>softphone</source>
        <translation>softphone</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>queue</translation>
    </message>
    <message>
        <source>no machine policy: standalone mode</source>
        <translation>no machine policy: standalone mode</translation>
    </message>
    <message>
        <source>loaded ({source})</source>
        <translation>loaded ({source})</translation>
    </message>
    <message>
        <source>{keyring} holds the workstation key</source>
        <translation>{keyring} holds the workstation key</translation>
    </message>
    <message>
        <source>{count} organisation recipient(s) valid</source>
        <translation>{count} organisation recipient(s) valid</translation>
    </message>
    <message>
        <source>standalone: encrypting to a local key kept in the keyring</source>
        <translation>standalone: encrypting to a local key kept in the keyring</translation>
    </message>
    <message>
        <source>standalone mode needs a keyring for its local key</source>
        <translation>standalone mode needs a keyring for its local key</translation>
    </message>
    <message>
        <source>cannot tell the free space in {path}: {error}</source>
        <translation>cannot tell the free space in {path}: {error}</translation>
    </message>
    <message>
        <source>the disk of {path} is full ({free} KB free): recordings cannot be saved; free disk space</source>
        <translation>the disk of {path} is full ({free} KB free): recordings cannot be saved; free disk space</translation>
    </message>
    <message>
        <source>{free} MB free for recordings in {path}</source>
        <translation>{free} MB free for recordings in {path}</translation>
    </message>
    <message>
        <source>{count} call(s) waiting, oldest {minutes} min</source>
        <translation>{count} call(s) waiting, oldest {minutes} min</translation>
    </message>
    <message>
        <source>{count} call(s) waiting</source>
        <translation>{count} call(s) waiting</translation>
    </message>
    <message>
        <source>{summary}. INSECURE, DEVELOPMENT ONLY: anyone on the network path can read and change uploads; remove storage.dev_insecure_tls ({origin})</source>
        <translation>{summary}. INSECURE, DEVELOPMENT ONLY: anyone on the network path can read and change uploads; remove storage.dev_insecure_tls ({origin})</translation>
    </message>
    <message>
        <source>{summary}; use https:// unless this network is trusted</source>
        <translation>{summary}; use https:// unless this network is trusted</translation>
    </message>
    <message>
        <source>hook adapter: the softphone runs `taltio hook …`; app reports: {status}</source>
        <translation>hook adapter: the softphone runs `taltio hook …`; app reports: {status}</translation>
    </message>
    <message>
        <source>{adapter}: app reports: {status}</source>
        <translation>{adapter}: app reports: {status}</translation>
    </message>
    <message>
        <source>hook adapter: the softphone runs `taltio hook …`, but Taltio is not running, so those commands fail now</source>
        <translation>hook adapter: the softphone runs `taltio hook …`, but Taltio is not running, so those commands fail now</translation>
    </message>
    <message>
        <source>linphone-daemon socket {where} answers (Taltio is not running)</source>
        <translation>linphone-daemon socket {where} answers (Taltio is not running)</translation>
    </message>
    <message>
        <source>Bria API port {where} answers (Taltio is not running; Bria asks the user to allow access when Taltio first connects)</source>
        <translation>Bria API port {where} answers (Taltio is not running; Bria asks the user to allow access when Taltio first connects)</translation>
    </message>
    <message>
        <source>baresip control port {where} answers</source>
        <translation>baresip control port {where} answers</translation>
    </message>
    <message>
        <source>{adapter} at {where} unreachable ({error})</source>
        <translation>{adapter} at {where} unreachable ({error})</translation>
    </message>
    <message>
        <source>unknown softphone.adapter '{adapter}'</source>
        <translation>unknown softphone.adapter '{adapter}'</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>checks</translation>
    </message>
    <message>
        <source>softphone event ignored: {problem}</source>
        <translation>softphone event ignored: {problem}</translation>
    </message>
    <message>
        <source>s3://{bucket} at {endpoint}</source>
        <translation>s3://{bucket} at {endpoint}</translation>
    </message>
    <message>
        <source>folder {path}</source>
        <translation>folder {path}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../desktop/taltio/core/settings.py" line="+147"/>
        <source>Agent identifier used in object keys and manifests. Empty: the login name.</source>
        <translation>Agent identifier used in object keys and manifests. Empty: the login name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent identifier</source>
        <translation>Agent identifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workstation identifier in manifests. Empty: the host name.</source>
        <translation>Workstation identifier in manifests. Empty: the host name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workstation identifier</source>
        <translation>Workstation identifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio system: &apos;auto&apos; picks PipeWire/PulseAudio on Linux, WASAPI on Windows, Core Audio on macOS; &apos;portaudio&apos; uses plain PortAudio device names.</source>
        <translation>Audio system: &apos;auto&apos; picks PipeWire/PulseAudio on Linux, WASAPI on Windows, Core Audio on macOS; &apos;portaudio&apos; uses plain PortAudio device names.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio system</source>
        <translation>Audio system</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agent&apos;s headset microphone: a stable device id (see `taltio doctor`; on Linux the PipeWire/PulseAudio source name) or a unique part of its name. Empty: the default input.</source>
        <translation>The agent&apos;s headset microphone: a stable device id (see `taltio doctor`; on Linux the PipeWire/PulseAudio source name) or a unique part of its name. Empty: the default input.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device that carries what the softphone plays (on Linux the monitor of the headset&apos;s output, e.g. &apos;alsa_output.usb-Jabra….monitor&apos;). Empty: the monitor of the output the softphone is playing to, else of the default output.</source>
        <translation>The device that carries what the softphone plays (on Linux the monitor of the headset&apos;s output, e.g. &apos;alsa_output.usb-Jabra….monitor&apos;). Empty: the monitor of the output the softphone is playing to, else of the default output.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Softphone playback (loopback) device</source>
        <translation>Softphone playback (loopback) device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microphone to record from while the chosen one is lost (e.g. the laptop&apos;s built-in mic when the headset is unplugged). Empty: record a gap and wait for the chosen one to return. Either way the agent is warned, the switch is listed in the call&apos;s manifest, and the chosen device is used again as soon as it returns.</source>
        <translation>Microphone to record from while the chosen one is lost (e.g. the laptop&apos;s built-in mic when the headset is unplugged). Empty: record a gap and wait for the chosen one to return. Either way the agent is warned, the switch is listed in the call&apos;s manifest, and the chosen device is used again as soon as it returns.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fallback microphone</source>
        <translation>Fallback microphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loopback device to record the customer from while the chosen one is lost (e.g. the monitor of the built-in speakers, where the softphone plays once the headset is gone). Empty: record a gap and wait.</source>
        <translation>Loopback device to record the customer from while the chosen one is lost (e.g. the monitor of the built-in speakers, where the softphone plays once the headset is gone). Empty: record a gap and wait.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fallback loopback device</source>
        <translation>Fallback loopback device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn the agent when either side has been silent this long while recording (e.g. the customer is not heard).</source>
        <translation>Warn the agent when either side has been silent this long while recording (e.g. the customer is not heard).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One-sided call alarm (seconds)</source>
        <translation>One-sided call alarm (seconds)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording sample rate in Hz.</source>
        <translation>Recording sample rate in Hz.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample rate (Hz)</source>
        <translation>Sample rate (Hz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording codec: &apos;opus&apos; (Ogg Opus, small) or &apos;flac&apos; (lossless, about 8 times larger).</source>
        <translation>Recording codec: &apos;opus&apos; (Ogg Opus, small) or &apos;flac&apos; (lossless, about 8 times larger).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording codec</source>
        <translation>Recording codec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the two sides are coded: &apos;two-mono&apos; (two independent Opus streams in one file, agent left, customer right: no cross-talk at any bitrate) or &apos;stereo&apos; (one joint-stereo stream, the layout of recordings made before; always coded at 28 kbit/s or more, since below about 26 kbit/s libopus mixes the two sides).</source>
        <translation>How the two sides are coded: &apos;two-mono&apos; (two independent Opus streams in one file, agent left, customer right: no cross-talk at any bitrate) or &apos;stereo&apos; (one joint-stereo stream, the layout of recordings made before; always coded at 28 kbit/s or more, since below about 26 kbit/s libopus mixes the two sides).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opus channel layout</source>
        <translation>Opus channel layout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opus bitrate for the whole call (both sides together), kbit/s (docs/performance.md).</source>
        <translation>Opus bitrate for the whole call (both sides together), kbit/s (docs/performance.md).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opus bitrate (kbit/s)</source>
        <translation>Opus bitrate (kbit/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How often encrypted audio is sealed to disk; bounds what a crash can lose.</source>
        <translation>How often encrypted audio is sealed to disk; bounds what a crash can lose.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sealing interval (seconds)</source>
        <translation>Sealing interval (seconds)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How Taltio learns of calls: &apos;hook&apos; (the softphone runs `taltio hook …`), &apos;baresip&apos; (baresip&apos;s ctrl_tcp module), &apos;bria&apos; (the Bria Desktop API) or &apos;linphone&apos; (linphone-daemon&apos;s --pipe socket).</source>
        <translation>How Taltio learns of calls: &apos;hook&apos; (the softphone runs `taltio hook …`), &apos;baresip&apos; (baresip&apos;s ctrl_tcp module), &apos;bria&apos; (the Bria Desktop API) or &apos;linphone&apos; (linphone-daemon&apos;s --pipe socket).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Softphone adapter</source>
        <translation>Softphone adapter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The softphone&apos;s program name (e.g. &apos;MicroSIP&apos;), used to suggest the output device it plays to. Empty: &apos;baresip&apos; with the baresip adapter, else the default output.</source>
        <translation>The softphone&apos;s program name (e.g. &apos;MicroSIP&apos;), used to suggest the output device it plays to. Empty: &apos;baresip&apos; with the baresip adapter, else the default output.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Softphone program name</source>
        <translation>Softphone program name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOST:PORT of the softphone&apos;s control socket (baresip); for Bria a ws:// or wss:// URL, anything else means Bria&apos;s own address; for linphone unix:PATH of linphone-daemon&apos;s socket (unix:NAME is /tmp/NAME, as made by --pipe NAME), anything else means /tmp/linphone-daemon.</source>
        <translation>HOST:PORT of the softphone&apos;s control socket (baresip); for Bria a ws:// or wss:// URL, anything else means Bria&apos;s own address; for linphone unix:PATH of linphone-daemon&apos;s socket (unix:NAME is /tmp/NAME, as made by --pipe NAME), anything else means /tmp/linphone-daemon.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Softphone control address</source>
        <translation>Softphone control address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where recordings go: s3://BUCKET/PREFIX or file:///PATH (a network share). Empty: standalone mode, a folder in the user data dir.</source>
        <translation>Where recordings go: s3://BUCKET/PREFIX or file:///PATH (a network share). Empty: standalone mode, a folder in the user data dir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Storage URL</source>
        <translation>Storage URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 endpoint URL (SeaweedFS, MinIO, Ceph). Empty: AWS.</source>
        <translation>S3 endpoint URL (SeaweedFS, MinIO, Ceph). Empty: AWS.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S3 endpoint</source>
        <translation>S3 endpoint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 region.</source>
        <translation>S3 region.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S3 region</source>
        <translation>S3 region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM file of the CA(s) that signed the storage&apos;s (or a TLS-inspecting proxy&apos;s) certificate, e.g. the organisation&apos;s root CA. Trusted in addition to the OS trust store, or instead of it with storage.use_os_trust_store = false. An unreadable file stops uploads with an error (and `taltio doctor` fails); recording goes on. See docs/storage-network.md.</source>
        <translation>PEM file of the CA(s) that signed the storage&apos;s (or a TLS-inspecting proxy&apos;s) certificate, e.g. the organisation&apos;s root CA. Trusted in addition to the OS trust store, or instead of it with storage.use_os_trust_store = false. An unreadable file stops uploads with an error (and `taltio doctor` fails); recording goes on. See docs/storage-network.md.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CA bundle file</source>
        <translation>CA bundle file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify the storage&apos;s certificate against the operating system&apos;s trust store (Windows certificate store, macOS keychain, the distribution&apos;s CA list on Linux), where IT usually installs the organisation&apos;s CA. False: only storage.ca_bundle, or without it the CA list shipped with Taltio (Mozilla&apos;s).</source>
        <translation>Verify the storage&apos;s certificate against the operating system&apos;s trust store (Windows certificate store, macOS keychain, the distribution&apos;s CA list on Linux), where IT usually installs the organisation&apos;s CA. False: only storage.ca_bundle, or without it the CA list shipped with Taltio (Mozilla&apos;s).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use the OS trust store</source>
        <translation>Use the OS trust store</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy for storage traffic, e.g. http://proxy.example:3128 (https:// URLs are tunnelled with CONNECT; user:password@ is allowed but shown masked). Hosts in NO_PROXY still go direct. Empty: HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment.</source>
        <translation>Proxy for storage traffic, e.g. http://proxy.example:3128 (https:// URLs are tunnelled with CONNECT; user:password@ is allowed but shown masked). Hosts in NO_PROXY still go direct. Empty: HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Storage proxy</source>
        <translation>Storage proxy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DEVELOPMENT ONLY: do not verify the storage&apos;s TLS certificate. Anyone on the network path can then read and change uploads. Every connection setup logs a warning and `taltio doctor` fails while it is on. Only the machine config can set it, never the agent&apos;s own settings.</source>
        <translation>DEVELOPMENT ONLY: do not verify the storage&apos;s TLS certificate. Anyone on the network path can then read and change uploads. Every connection setup logs a warning and `taltio doctor` fails while it is on. Only the machine config can set it, never the agent&apos;s own settings.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip TLS verification (development only)</source>
        <translation>Skip TLS verification (development only)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S3 access key id of this agent. The secret is kept in the OS keyring (or TALTIO_S3_SECRET for tests), never in this file.</source>
        <translation>S3 access key id of this agent. The secret is kept in the OS keyring (or TALTIO_S3_SECRET for tests), never in this file.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S3 access key id</source>
        <translation>S3 access key id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many calls upload at once (a backlog drains faster; the files of one call always go in order, audio first, manifest last).</source>
        <translation>How many calls upload at once (a backlog drains faster; the files of one call always go in order, audio first, manifest last).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parallel uploads</source>
        <translation>Parallel uploads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files from this size (MiB) upload in parts that resume after a restart or a dropped connection; smaller ones in one request.</source>
        <translation>Files from this size (MiB) upload in parts that resume after a restart or a dropped connection; smaller ones in one request.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Multipart threshold (MiB)</source>
        <translation>Multipart threshold (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size of each part of a multipart upload (MiB; S3 needs at least 5).</source>
        <translation>Size of each part of a multipart upload (MiB; S3 needs at least 5).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part size (MiB)</source>
        <translation>Part size (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Most disk the calls waiting for upload may use on this computer (MiB). Near it (90 %) the agent is warned. Waiting recordings are never deleted to make room: storage.when_queue_full decides what happens to new calls. 0: no limit.</source>
        <translation>Most disk the calls waiting for upload may use on this computer (MiB). Near it (90 %) the agent is warned. Waiting recordings are never deleted to make room: storage.when_queue_full decides what happens to new calls. 0: no limit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload queue quota (MiB)</source>
        <translation>Upload queue quota (MiB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the waiting calls fill storage.queue_quota_mb: &apos;record&apos; keeps recording new calls anyway (the disk is the limit), &apos;stop&apos; records no new call until uploads make room (the agent is told before giving the notice; the call&apos;s manifest says why).</source>
        <translation>When the waiting calls fill storage.queue_quota_mb: &apos;record&apos; keeps recording new calls anyway (the disk is the limit), &apos;stop&apos; records no new call until uploads make room (the agent is told before giving the notice; the call&apos;s manifest says why).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When the upload queue is full</source>
        <translation>When the upload queue is full</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest wait between upload attempts while storage is down.</source>
        <translation>Longest wait between upload attempts while storage is down.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest retry wait (seconds)</source>
        <translation>Longest retry wait (seconds)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days every stored recording version is locked (S3 Object Lock, COMPLIANCE mode: nobody, not even the storage admin, can delete or shorten it before then). Used by `taltio-admin storage init` for a new bucket; keep `org.retention` in line with it.</source>
        <translation>Days every stored recording version is locked (S3 Object Lock, COMPLIANCE mode: nobody, not even the storage admin, can delete or shorten it before then). Used by `taltio-admin storage init` for a new bucket; keep `org.retention` in line with it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retention lock (days)</source>
        <translation>Retention lock (days)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation age recipients (age1…) that can decrypt recordings. The workstation itself can never decrypt. Empty: standalone mode with a local key.</source>
        <translation>Organisation age recipients (age1…) that can decrypt recordings. The workstation itself can never decrypt. Empty: standalone mode with a local key.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation recipients</source>
        <translation>Organisation recipients</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key of the customer-number index (base64 of 32 random bytes, from `taltio-admin keys new-index`). Manifests never hold the number in clear; with this key each carries an HMAC of it, so a supervisor with the same key finds a customer's calls without decrypting them. Empty: no index. Secret: distribute it only by signed policy or machine policy.</source>
        <translation>Key of the customer-number index (base64 of 32 random bytes, from `taltio-admin keys new-index`). Manifests never hold the number in clear; with this key each carries an HMAC of it, so a supervisor with the same key finds a customer's calls without decrypting them. Empty: no index. Secret: distribute it only by signed policy or machine policy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number index key</source>
        <translation>Number index key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the notice when no rule matches the number.</source>
        <translation>Language of the notice when no rule matches the number.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default notice language</source>
        <translation>Default notice language</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which language the notice card starts in, by the customer&apos;s number (&apos;PATTERN=LANG&apos;, e.g. &apos;+46*=sv&apos;) or by the queue the call came through (&apos;queue:NAME=LANG&apos;, wildcards allowed, e.g. &apos;queue:Kundtjänst*=sv&apos;; the queue comes from `taltio hook … --queue NAME`). First match wins. The agent can switch with one click.</source>
        <translation>Which language the notice card starts in, by the customer&apos;s number (&apos;PATTERN=LANG&apos;, e.g. &apos;+46*=sv&apos;) or by the queue the call came through (&apos;queue:NAME=LANG&apos;, wildcards allowed, e.g. &apos;queue:Kundtjänst*=sv&apos;; the queue comes from `taltio hook … --queue NAME`). First match wins. The agent can switch with one click.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notice language rules</source>
        <translation>Notice language rules</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The script the agent reads before recording, in Finnish. Empty: the text shipped with Taltio (resources/notices/notice.fi.txt).</source>
        <translation>The script the agent reads before recording, in Finnish. Empty: the text shipped with Taltio (resources/notices/notice.fi.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (Finnish)</source>
        <translation>Notice text (Finnish)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script the agent reads before recording, in Swedish. Empty: the text shipped with Taltio (resources/notices/notice.sv.txt).</source>
        <translation>The script the agent reads before recording, in Swedish. Empty: the text shipped with Taltio (resources/notices/notice.sv.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (Swedish)</source>
        <translation>Notice text (Swedish)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script the agent reads before recording, in English. Empty: the text shipped with Taltio (resources/notices/notice.en.txt).</source>
        <translation>The script the agent reads before recording, in English. Empty: the text shipped with Taltio (resources/notices/notice.en.txt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice text (English)</source>
        <translation>Notice text (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in Finnish. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.fi.txt).</source>
        <translation>What the agent tells a customer who asks about the recording, in Finnish. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.fi.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (Finnish)</source>
        <translation>Recording information (Finnish)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in Swedish. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.sv.txt).</source>
        <translation>What the agent tells a customer who asks about the recording, in Swedish. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.sv.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (Swedish)</source>
        <translation>Recording information (Swedish)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the agent tells a customer who asks about the recording, in English. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.en.txt).</source>
        <translation>What the agent tells a customer who asks about the recording, in English. May use {controller}, {contact}, {dpo}, {legal_basis}, {recipients}, {retention}, {complaints} and {copy_request}. Empty: the template shipped with Taltio (resources/notices/info.en.txt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording information (English)</source>
        <translation>Recording information (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who records (the controller under GDPR): the organisation&apos;s name.</source>
        <translation>Who records (the controller under GDPR): the organisation&apos;s name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The controller&apos;s contact for privacy questions (data protection officer).</source>
        <translation>The controller&apos;s contact for privacy questions (data protection officer).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Privacy contact</source>
        <translation>Privacy contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, in months, as told to customers: shown in the customer&apos;s language (&apos;24 kuukautta&apos;, &apos;24 månader&apos;, &apos;24 months&apos;). 0: not set.</source>
        <translation>How long recordings are kept, in months, as told to customers: shown in the customer&apos;s language (&apos;24 kuukautta&apos;, &apos;24 månader&apos;, &apos;24 months&apos;). 0: not set.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (months)</source>
        <translation>Retention (months)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long recordings are kept, as free text shown in every language (e.g. &apos;the contract period plus 24 months&apos;). Prefer org.retention_months or the per-language org.retention_fi/sv/en, so a Swedish customer is not told in Finnish.</source>
        <translation>How long recordings are kept, as free text shown in every language (e.g. &apos;the contract period plus 24 months&apos;). Prefer org.retention_months or the per-language org.retention_fi/sv/en, so a Swedish customer is not told in Finnish.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retention (free text)</source>
        <translation>Retention (free text)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in Finnish; overrides org.retention and org.retention_months for that language.</source>
        <translation>How long recordings are kept, as told to customers in Finnish; overrides org.retention and org.retention_months for that language.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (Finnish)</source>
        <translation>Retention (Finnish)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in Swedish; overrides org.retention and org.retention_months for that language.</source>
        <translation>How long recordings are kept, as told to customers in Swedish; overrides org.retention and org.retention_months for that language.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (Swedish)</source>
        <translation>Retention (Swedish)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long recordings are kept, as told to customers in English; overrides org.retention and org.retention_months for that language.</source>
        <translation>How long recordings are kept, as told to customers in English; overrides org.retention and org.retention_months for that language.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retention (English)</source>
        <translation>Retention (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a customer gets a copy of their recording (e.g. a web form or e-mail address).</source>
        <translation>How a customer gets a copy of their recording (e.g. a web form or e-mail address).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to request a copy</source>
        <translation>How to request a copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What staff are told about recording: what is recorded, why, who may listen, how private calls work. Shown on first run and whenever it changes; each acknowledgement is logged. Empty: the text shipped with Taltio, in the agent&apos;s language.</source>
        <translation>What staff are told about recording: what is recorded, why, who may listen, how private calls work. Shown on first run and whenever it changes; each acknowledgement is logged. Empty: the text shipped with Taltio, in the agent&apos;s language.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff notice</source>
        <translation>Staff notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When recording starts: &apos;notice&apos; (when the agent confirms the notice was given: the default, and what the Data Protection Ombudsman expects) or &apos;answer&apos; (on answer; the notice card is then a reminder, and each manifest says so).</source>
        <translation>When recording starts: &apos;notice&apos; (when the agent confirms the notice was given: the default, and what the Data Protection Ombudsman expects) or &apos;answer&apos; (on answer; the notice card is then a reminder, and each manifest says so).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording starts</source>
        <translation>Recording starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind the agent to resume after a card-data pause this long. 0: no reminder.</source>
        <translation>Remind the agent to resume after a card-data pause this long. 0: no reminder.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause reminder (seconds)</source>
        <translation>Pause reminder (seconds)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume recording by itself after a card-data pause this long, so a forgotten pause cannot leave the rest of the call unrecorded. 0: no limit. Holds are not card-data pauses and have no limit.</source>
        <translation>Resume recording by itself after a card-data pause this long, so a forgotten pause cannot leave the rest of the call unrecorded. 0: no limit. Holds are not card-data pauses and have no limit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longest pause (seconds)</source>
        <translation>Longest pause (seconds)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a hold does to the recording: &apos;pause&apos; (nothing is captured while the customer waits; the manifest lists the hold as a pause) or &apos;continue&apos; (capture goes on, e.g. to keep what the agent says to a colleague; the manifest lists the hold times).</source>
        <translation>What a hold does to the recording: &apos;pause&apos; (nothing is captured while the customer waits; the manifest lists the hold as a pause) or &apos;continue&apos; (capture goes on, e.g. to keep what the agent says to a colleague; the manifest lists the hold times).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording during hold</source>
        <translation>Recording during hold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May agents mark calls private (never recorded)? The Working Life Privacy Act protects staff&apos;s private calls; switch off only where every line is a business line.</source>
        <translation>May agents mark calls private (never recorded)? The Working Life Privacy Act protects staff&apos;s private calls; switch off only where every line is a business line.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allow private calls</source>
        <translation>Allow private calls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most calls an agent may mark private per day. 0: no limit.</source>
        <translation>Most calls an agent may mark private per day. 0: no limit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private calls per day</source>
        <translation>Private calls per day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must the agent give a short reason when marking a call private? The reason is kept in the local audit log, never any audio.</source>
        <translation>Must the agent give a short reason when marking a call private? The reason is kept in the local audit log, never any audio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason required for private calls</source>
        <translation>Reason required for private calls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers whose calls are never recorded (occupational health, the union line). Shell wildcards: &apos;+358 9 1234*&apos;.</source>
        <translation>Numbers whose calls are never recorded (occupational health, the union line). Shell wildcards: &apos;+358 9 1234*&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Always private numbers</source>
        <translation>Always private numbers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the small always-on-top status pill (recording / paused with its timer / private / declined / not recording / error). The agent can move it.</source>
        <translation>Show the small always-on-top status pill (recording / paused with its timer / private / declined / not recording / error). The agent can move it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status pill</source>
        <translation>Status pill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also show a desktop notification when recording starts and stops (errors and warnings are always notified).</source>
        <translation>Also show a desktop notification when recording starts and stops (errors and warnings are always notified).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notify on start and stop</source>
        <translation>Notify on start and stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of Taltio&apos;s own screens: &apos;fi&apos;, &apos;sv&apos; or &apos;en&apos;. Empty: the operating system&apos;s language.</source>
        <translation>Language of Taltio&apos;s own screens: &apos;fi&apos;, &apos;sv&apos; or &apos;en&apos;. Empty: the operating system&apos;s language.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the agent last put the status pill (&apos;X,Y&apos; on the desktop; kept on screen when the screens change). Empty: top right.</source>
        <translation>Where the agent last put the status pill (&apos;X,Y&apos; on the desktop; kept on screen when the screens change). Empty: top right.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status pill position</source>
        <translation>Status pill position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business numbers (queues) whose calls cannot be marked private. Same pattern syntax.</source>
        <translation>Business numbers (queues) whose calls cannot be marked private. Same pattern syntax.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never private numbers</source>
        <translation>Never private numbers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bucket for the workstations&apos; heartbeats (`fleet/&lt;agent-id&gt;.json`, overwritten each time, read by `taltio-admin fleet`). Keep it apart from the recordings: no Object Lock, no versioning. Empty: &apos;&lt;storage bucket&gt;-fleet&apos;. With file:// storage heartbeats go to &lt;folder&gt;/fleet/.</source>
        <translation>Bucket for the workstations&apos; heartbeats (`fleet/&lt;agent-id&gt;.json`, overwritten each time, read by `taltio-admin fleet`). Keep it apart from the recordings: no Object Lock, no versioning. Empty: &apos;&lt;storage bucket&gt;-fleet&apos;. With file:// storage heartbeats go to &lt;folder&gt;/fleet/.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Heartbeat bucket</source>
        <translation>Heartbeat bucket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the workstation writes its heartbeat (also once at start). Fractions are allowed (0.1 = 6 s).</source>
        <translation>How often the workstation writes its heartbeat (also once at start). Fractions are allowed (0.1 = 6 s).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heartbeat interval (minutes)</source>
        <translation>Heartbeat interval (minutes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn (agent log and heartbeat; `taltio-admin fleet` flags BACKLOG) when this many calls wait for upload.</source>
        <translation>Warn (agent log and heartbeat; `taltio-admin fleet` flags BACKLOG) when this many calls wait for upload.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backlog warning (calls)</source>
        <translation>Backlog warning (calls)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn the same way when the oldest call waiting for upload is this many hours old.</source>
        <translation>Warn the same way when the oldest call waiting for upload is this many hours old.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backlog warning (hours)</source>
        <translation>Backlog warning (hours)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>`taltio-admin fleet` flags a workstation STALE when its last heartbeat is older than this; keep it a few times fleet.heartbeat_minutes.</source>
        <translation>`taltio-admin fleet` flags a workstation STALE when its last heartbeat is older than this; keep it a few times fleet.heartbeat_minutes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stale after (minutes)</source>
        <translation>Stale after (minutes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whether this workstation records calls at all. Off: Taltio shows that recording is off and captures nothing.</source>
        <translation>Whether this workstation records calls at all. Off: Taltio shows that recording is off and captures nothing.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording enabled</source>
        <translation>Recording enabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor keys whose signed policies this workstation accepts (&apos;ssh-ed25519 AAAA… name&apos;, one per entry; `taltio-admin keys new-supervisor` makes one). Empty: no supervisor policy is fetched.</source>
        <translation>Supervisor keys whose signed policies this workstation accepts (&apos;ssh-ed25519 AAAA… name&apos;, one per entry; `taltio-admin keys new-supervisor` makes one). Empty: no supervisor policy is fetched.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allowed supervisor keys</source>
        <translation>Allowed supervisor keys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where supervisors publish policies: s3://BUCKET/policy or file:///PATH/policy. Empty: the &apos;policy/&apos; folder beside storage.url&apos;s bucket (s3://BUCKET/policy).</source>
        <translation>Where supervisors publish policies: s3://BUCKET/policy or file:///PATH/policy. Empty: the &apos;policy/&apos; folder beside storage.url&apos;s bucket (s3://BUCKET/policy).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy URL</source>
        <translation>Policy URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The groups this workstation belongs to: it applies policy/org.json, then policy/group-NAME.json for each group, then policy/agent-ID.json (later wins).</source>
        <translation>The groups this workstation belongs to: it applies policy/org.json, then policy/group-NAME.json for each group, then policy/agent-ID.json (later wins).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy groups</source>
        <translation>Policy groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the workstation checks for a new policy (a conditional GET: nothing is downloaded when it has not changed).</source>
        <translation>How often the workstation checks for a new policy (a conditional GET: nothing is downloaded when it has not changed).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy check interval (minutes)</source>
        <translation>Policy check interval (minutes)</translation>
    </message>
    <message>
        <source>The data protection officer&apos;s contact (GDPR Art. 13(1)(b)), e.g. an e-mail address. Empty: customers are told none is designated and to ask the privacy contact.</source>
        <translation>The data protection officer&apos;s contact (GDPR Art. 13(1)(b)), e.g. an e-mail address. Empty: customers are told none is designated and to ask the privacy contact.</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Data protection officer</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Supervisory authority</source>
        <translation>Supervisory authority</translation>
    </message>
    <message>
        <source>Windows in which card data is typed (PCI DSS): while one has the keyboard, the call&apos;s recording is paused (reason &apos;payment-window&apos; in the manifest) and it resumes when the focus leaves. Window titles or program names, case-insensitive, with * and ? (e.g. &apos;*Korttimaksu*&apos;, &apos;payterm.exe&apos;). Empty: no auto-pause. Linux X11 only so far; elsewhere the agent is told once that it is not available.</source>
        <translation>Windows in which card data is typed (PCI DSS): while one has the keyboard, the call&apos;s recording is paused (reason &apos;payment-window&apos; in the manifest) and it resumes when the focus leaves. Window titles or program names, case-insensitive, with * and ? (e.g. &apos;*Korttimaksu*&apos;, &apos;payterm.exe&apos;). Empty: no auto-pause. Linux X11 only so far; elsewhere the agent is told once that it is not available.</translation>
    </message>
    <message>
        <source>Auto-pause on payment windows</source>
        <translation>Auto-pause on payment windows</translation>
    </message>
    <message>
        <source>Keyboard shortcut, from any program, for Start call… (a call the softphone does not report). Keys joined by +: Ctrl, Alt, Shift, Meta and a letter, a digit or F1-F24. Empty: none.</source>
        <translation>Keyboard shortcut, from any program, for Start call… (a call the softphone does not report). Keys joined by +: Ctrl, Alt, Shift, Meta and a letter, a digit or F1-F24. Empty: none.</translation>
    </message>
    <message>
        <source>Start call shortcut</source>
        <translation>Start call shortcut</translation>
    </message>
    <message>
        <source>Keyboard shortcut, from any program, for End call (the call started by hand). Same keys. Empty: none.</source>
        <translation>Keyboard shortcut, from any program, for End call (the call started by hand). Same keys. Empty: none.</translation>
    </message>
    <message>
        <source>End call shortcut</source>
        <translation>End call shortcut</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers (GDPR Art. 13(1)(c)), shown in every language without its own org.legal_basis_fi/sv/en. Empty: the shipped text in the customer's language (contract and legitimate interest, Art. 6(1)(b) and (f)).</source>
        <translation>The legal basis of recording, as told to customers (GDPR Art. 13(1)(c)), shown in every language without its own org.legal_basis_fi/sv/en. Empty: the shipped text in the customer's language (contract and legitimate interest, Art. 6(1)(b) and (f)).</translation>
    </message>
    <message>
        <source>Who receives the recordings (GDPR Art. 13(1)(e)), shown in every language without its own org.recipients_fi/sv/en. Empty: the shipped text in the customer's language (staff handling the matter, processors storing the recordings, authorities where the law requires).</source>
        <translation>Who receives the recordings (GDPR Art. 13(1)(e)), shown in every language without its own org.recipients_fi/sv/en. Empty: the shipped text in the customer's language (staff handling the matter, processors storing the recordings, authorities where the law requires).</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to (GDPR Art. 13(2)(d)), shown in every language without its own org.complaints_fi/sv/en. Empty: the Data Protection Ombudsman (tietosuoja.fi), named in the customer's language.</source>
        <translation>The supervisory authority a customer may complain to (GDPR Art. 13(2)(d)), shown in every language without its own org.complaints_fi/sv/en. Empty: the Data Protection Ombudsman (tietosuoja.fi), named in the customer's language.</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in Finnish; overrides org.recipients for that language.</source>
        <translation>Who receives the recordings, as told to customers in Finnish; overrides org.recipients for that language.</translation>
    </message>
    <message>
        <source>Recipients (Finnish)</source>
        <translation>Recipients (Finnish)</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in Swedish; overrides org.recipients for that language.</source>
        <translation>Who receives the recordings, as told to customers in Swedish; overrides org.recipients for that language.</translation>
    </message>
    <message>
        <source>Recipients (Swedish)</source>
        <translation>Recipients (Swedish)</translation>
    </message>
    <message>
        <source>Who receives the recordings, as told to customers in English; overrides org.recipients for that language.</source>
        <translation>Who receives the recordings, as told to customers in English; overrides org.recipients for that language.</translation>
    </message>
    <message>
        <source>Recipients (English)</source>
        <translation>Recipients (English)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in Finnish; overrides org.legal_basis for that language.</source>
        <translation>The legal basis of recording, as told to customers in Finnish; overrides org.legal_basis for that language.</translation>
    </message>
    <message>
        <source>Legal basis (Finnish)</source>
        <translation>Legal basis (Finnish)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in Swedish; overrides org.legal_basis for that language.</source>
        <translation>The legal basis of recording, as told to customers in Swedish; overrides org.legal_basis for that language.</translation>
    </message>
    <message>
        <source>Legal basis (Swedish)</source>
        <translation>Legal basis (Swedish)</translation>
    </message>
    <message>
        <source>The legal basis of recording, as told to customers in English; overrides org.legal_basis for that language.</source>
        <translation>The legal basis of recording, as told to customers in English; overrides org.legal_basis for that language.</translation>
    </message>
    <message>
        <source>Legal basis (English)</source>
        <translation>Legal basis (English)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in Finnish; overrides org.complaints for that language.</source>
        <translation>The supervisory authority a customer may complain to, as told to customers in Finnish; overrides org.complaints for that language.</translation>
    </message>
    <message>
        <source>Supervisory authority (Finnish)</source>
        <translation>Supervisory authority (Finnish)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in Swedish; overrides org.complaints for that language.</source>
        <translation>The supervisory authority a customer may complain to, as told to customers in Swedish; overrides org.complaints for that language.</translation>
    </message>
    <message>
        <source>Supervisory authority (Swedish)</source>
        <translation>Supervisory authority (Swedish)</translation>
    </message>
    <message>
        <source>The supervisory authority a customer may complain to, as told to customers in English; overrides org.complaints for that language.</source>
        <translation>The supervisory authority a customer may complain to, as told to customers in English; overrides org.complaints for that language.</translation>
    </message>
    <message>
        <source>Supervisory authority (English)</source>
        <translation>Supervisory authority (English)</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>incoming</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>recorded</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>private</source>
        <translation>private</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>✔ Verified</source>
        <translation>✔ Verified</translation>
    </message>
    <message>
        <source>✖ Failed</source>
        <translation>✖ Failed</translation>
    </message>
    <message>
        <source>The signature, signer, hashes and notice time are being checked</source>
        <translation>The signature, signer, hashes and notice time are being checked</translation>
    </message>
    <message>
        <source>Signature, trusted signer, hashes, segments and notice time checked</source>
        <translation>Signature, trusted signer, hashes, segments and notice time checked</translation>
    </message>
    <message>
        <source>Verification failed: {reasons}</source>
        <translation>Verification failed: {reasons}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <source>%n call(s) could not be checked for the number (no index key or identity).</source>
        <translation>
            <numerusform>%n call could not be checked for the number (no index key or identity).</numerusform>
            <numerusform>%n calls could not be checked for the number (no index key or identity).</numerusform>
        </translation>
    </message>
    <message>
        <source>Taltio: review calls</source>
        <translation>Taltio: review calls</translation>
    </message>
    <message>
        <source>Customer's &amp;number</source>
        <translation>Customer's &amp;number</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>&amp;Agent</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>any number, e.g. +358401234567</source>
        <translation>any number, e.g. +358401234567</translation>
    </message>
    <message>
        <source>any agent</source>
        <translation>any agent</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Search the store (Ctrl+F goes to the number)</source>
        <translation>Search the store (Ctrl+F goes to the number)</translation>
    </message>
    <message>
        <source>Calls found</source>
        <translation>Calls found</translation>
    </message>
    <message>
        <source>Enter opens the call, Space plays or pauses it</source>
        <translation>Enter opens the call, Space plays or pauses it</translation>
    </message>
    <message>
        <source>&amp;Export for the data subject…</source>
        <translation>&amp;Export for the data subject…</translation>
    </message>
    <message>
        <source>Export the selected calls into a folder (Ctrl+E)</source>
        <translation>Export the selected calls into a folder (Ctrl+E)</translation>
    </message>
    <message>
        <source>Search by number, agent or dates; nothing is read until you search.</source>
        <translation>Search by number, agent or dates; nothing is read until you search.</translation>
    </message>
    <message>
        <source>Could not finish: {message}</source>
        <translation>Could not finish: {message}</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) found; checking each…</source>
        <translation>
            <numerusform>%n call found; checking it…</numerusform>
            <numerusform>%n calls found; checking each…</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls match.</source>
        <translation>No calls match.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) found.</source>
        <translation>
            <numerusform>%n call found.</numerusform>
            <numerusform>%n calls found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed verification: see the badge's tooltip.</source>
        <translation>
            <numerusform>%n failed verification: see the badge's tooltip.</numerusform>
            <numerusform>%n failed verification: see the badges' tooltips.</numerusform>
        </translation>
    </message>
    <message>
        <source>All verified.</source>
        <translation>All verified.</translation>
    </message>
    <message>
        <source>Opening the call {call}…</source>
        <translation>Opening the call {call}…</translation>
    </message>
    <message>
        <source>Ready to play: Space plays and pauses.</source>
        <translation>Ready to play: Space plays and pauses.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Play or pause (Space)</translation>
    </message>
    <message>
        <source>No call open: select one and press Enter.</source>
        <translation>No call open: select one and press Enter.</translation>
    </message>
    <message>
        <source>Call {call} by {agent}, {date} ({verdict})</source>
        <translation>Call {call} by {agent}, {date} ({verdict})</translation>
    </message>
    <message>
        <source>Export into which folder?</source>
        <translation>Export into which folder?</translation>
    </message>
    <message>
        <source>Select the calls to export first.</source>
        <translation>Select the calls to export first.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n call(s)…</source>
        <translation>
            <numerusform>Exporting %n call…</numerusform>
            <numerusform>Exporting %n calls…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exported to {path}</translation>
    </message>
</context>
<context>
    <name>WaveformWidget</name>
    <message>
        <source>Bookmark {n}: {label}</source>
        <translation>Bookmark {n}: {label}</translation>
    </message>
    <message>
        <source>Bookmark {n}</source>
        <translation>Bookmark {n}</translation>
    </message>
    <message>
        <source>Paused ({reason})</source>
        <translation>Paused ({reason})</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Waveform of the call</source>
        <translation>Waveform of the call</translation>
    </message>
    <message>
        <source>Upper: the agent; lower: the customer. {marks} bookmark(s), {pauses} pause(s). Left and Right seek 5 seconds, Page Up and Page Down go to the previous or next marker.</source>
        <translation>Upper: the agent; lower: the customer. {marks} bookmark(s), {pauses} pause(s). Left and Right seek 5 seconds, Page Up and Page Down go to the previous or next marker.</translation>
    </message>
</context>
<context>
    <name>ChecksWindow</name>
    <message>
        <source>Checking this computer…</source>
        <translation>Checking this computer…</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>All checks passed.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Copied: paste it into your message to IT.</source>
        <translation>Copied: paste it into your message to IT.</translation>
    </message>
    <message>
        <source>Taltio: check this computer</source>
        <translation>Taltio: check this computer</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Copy for IT</source>
        <translation>Copy for IT</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
