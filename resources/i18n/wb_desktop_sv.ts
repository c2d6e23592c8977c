<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>running</source>
        <translation>pågår</translation>
    </message>
</context>
<context>
    <name>BundleSummaryView</name>
    <message>
        <source>What went wrong</source>
        <translation>Vad som gick fel</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandlåda</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Skapat av</translation>
    </message>
    <message>
        <source>Cache schema</source>
        <translation>Cacheschema</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Tekniker</translation>
    </message>
    <message>
        <source>Redacted</source>
        <translation>Maskerat</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Logs and settings</source>
        <translation>Loggar och inställningar</translation>
    </message>
    <message>
        <source>Show the trace rows behind this line in the sync trace</source>
        <translation>Visa raderna bakom den här raden i synkspårningen</translation>
    </message>
    <message>
        <source>WorkBoss Desktop %1 (bundle format %2), %3</source>
        <translation>WorkBoss Desktop %1 (paketformat %2), %3</translation>
    </message>
    <message>
        <source>%1 (this app: %2)</source>
        <translation>%1 (den här appen: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>inget</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;, device %3</source>
        <translation>%1 &lt;%2&gt;, enhet %3</translation>
    </message>
    <message>
        <source>Nobody was signed in</source>
        <translation>Ingen var inloggad</translation>
    </message>
    <message>
        <source>Yes: customer data replaced by placeholders, photos left out</source>
        <translation>Ja: kunddata ersatta med platshållare, foton utelämnade</translation>
    </message>
    <message>
        <source>No: it holds customer data and photos</source>
        <translation>Nej: det innehåller kunddata och foton</translation>
    </message>
    <message numerus="yes">
        <source>%n op(s) refused by the server (dead):</source>
        <translation>
            <numerusform>%n ändring avvisad av servern (död):</numerusform>
            <numerusform>%n ändringar avvisade av servern (döda):</numerusform>
        </translation>
    </message>
    <message>
        <source>No op was refused by the server.</source>
        <translation>Servern avvisade ingen ändring.</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) this tablet had not uploaded:</source>
        <translation>
            <numerusform>%n bilaga som surfplattan inte hade laddat upp:</numerusform>
            <numerusform>%n bilagor som surfplattan inte hade laddat upp:</numerusform>
        </translation>
    </message>
    <message>
        <source>No photo or signature waits to upload on this tablet.</source>
        <translation>Inget foto och ingen underskrift väntar på uppladdning på den här surfplattan.</translation>
    </message>
    <message>
        <source>What the server has was not asked.</source>
        <translation>Servern tillfrågades inte om vad den har.</translation>
    </message>
    <message>
        <source>The bundle held no work the server lacked.</source>
        <translation>Paketet innehöll inget arbete som servern saknade.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 records</source>
        <translation>%1: %2 av %3 poster</translation>
    </message>
    <message>
        <source>, %1 of %2 files</source>
        <translation>, %1 av %2 filer</translation>
    </message>
    <message>
        <source>The server now has: %1.</source>
        <translation>Servern har nu: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n log file(s), %1 KiB</source>
        <translation>
            <numerusform>%n loggfil, %1 KiB</numerusform>
            <numerusform>%n loggfiler, %1 KiB</numerusform>
        </translation>
    </message>
    <message>
        <source>no log files</source>
        <translation>inga loggfiler</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>inställningar</translation>
    </message>
    <message>
        <source>no settings</source>
        <translation>inga inställningar</translation>
    </message>
    <message numerus="yes">
        <source>%n trace file(s)</source>
        <translation>
            <numerusform>%n spårningsfil</numerusform>
            <numerusform>%n spårningsfiler</numerusform>
        </translation>
    </message>
    <message>
        <source>no trace</source>
        <translation>ingen spårning</translation>
    </message>
    <message>
        <source>queued %1</source>
        <translation>%1 i kö</translation>
    </message>
    <message>
        <source>sending %1</source>
        <translation>%1 skickas</translation>
    </message>
    <message>
        <source>accepted %1</source>
        <translation>%1 godtagna</translation>
    </message>
    <message>
        <source>refused %1</source>
        <translation>%1 avvisade</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>tom</translation>
    </message>
</context>
<context>
    <name>CancelConfirmation</name>
    <message>
        <source>Yes, cancel the job</source>
        <translation>Ja, avboka jobbet</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behåll det</translation>
    </message>
</context>
<context>
    <name>CardPaymentPanel</name>
    <message>
        <source>Card payment</source>
        <translation>Kortbetalning</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Kortnummer</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Ta betalt</translation>
    </message>
    <message>
        <source>Try the card payment again</source>
        <translation>Försök med kortbetalningen igen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel the card payment</source>
        <translation>Avbryt kortbetalningen</translation>
    </message>
    <message>
        <source>Type the card number.</source>
        <translation>Skriv kortnumret.</translation>
    </message>
    <message>
        <source>A card number has only digits (spaces are fine).</source>
        <translation>Ett kortnummer har bara siffror (mellanslag går bra).</translation>
    </message>
    <message>
        <source>A card number has %1 to %2 digits; this one has %3.</source>
        <translation>Ett kortnummer har %1 till %2 siffror; det här har %3.</translation>
    </message>
    <message>
        <source>Charge %1</source>
        <translation>Ta betalt %1</translation>
    </message>
    <message>
        <source>Charging… %1 s</source>
        <translation>Tar betalt… %1 s</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Approved — paid by card ending %1.</source>
        <translation>Godkänd – betald med kort som slutar på %1.</translation>
    </message>
    <message>
        <source>Card payments need a connection, and this tablet is offline. Send the invoice by email once you are back in range.</source>
        <translation>Kortbetalning kräver uppkoppling, och surfplattan är offline. Skicka fakturan med e-post när du har täckning igen.</translation>
    </message>
    <message>
        <source>Send the invoice first: a card payment is taken on the final amount.</source>
        <translation>Skicka fakturan först: kortbetalningen dras på slutbeloppet.</translation>
    </message>
    <message>
        <source>card declined</source>
        <translation>kortet nekades</translation>
    </message>
    <message>
        <source>unknown card</source>
        <translation>okänt kort</translation>
    </message>
    <message>
        <source>No answer from the card service yet — it may still go through.</source>
        <translation>Inget svar från korttjänsten ännu – betalningen kan fortfarande gå igenom.</translation>
    </message>
    <message>
        <source>Approved — paid.</source>
        <translation>Godkänd – betald.</translation>
    </message>
    <message>
        <source>Declined: %1. Try another card.</source>
        <translation>Nekad: %1. Prova ett annat kort.</translation>
    </message>
</context>
<context>
    <name>ClockControls</name>
    <message>
        <source>Virtual clock</source>
        <translation>Virtuell klocka</translation>
    </message>
    <message>
        <source>Jump ahead</source>
        <translation>Hoppa framåt</translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation>+5 min</translation>
    </message>
    <message>
        <source>+1 h</source>
        <translation>+1 h</translation>
    </message>
    <message>
        <source>+1 day</source>
        <translation>+1 dag</translation>
    </message>
    <message>
        <source>Minutes to jump ahead</source>
        <translation>Minuter att hoppa framåt</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>Hoppa</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Anpassat</translation>
    </message>
    <message>
        <source>Device clock skew in minutes</source>
        <translation>Enhetsklockans avvikelse i minuter</translation>
    </message>
    <message>
        <source>Device clock skew</source>
        <translation>Enhetsklockans avvikelse</translation>
    </message>
    <message>
        <source>This app runs on the real clock, so time cannot be moved here. The app builds the console on a virtual clock to allow it.</source>
        <translation>Den här appen går på den riktiga klockan, så tiden kan inte flyttas här. Appen måste bygga konsolen på en virtuell klocka för att det ska gå.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>Verklig tid</translation>
    </message>
    <message>
        <source>Device time %1 · jumped %2 · skew %3 min</source>
        <translation>Enhetstid %1 · hoppat %2 · avvikelse %3 min</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behåll min</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>Behåll serverns</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Slå ihop…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) with open conflicts</source>
        <translation>
            <numerusform>%n post med öppna konflikter</numerusform>
            <numerusform>%n poster med öppna konflikter</numerusform>
        </translation>
    </message>
    <message>
        <source>A bundle&apos;s conflicts are only shown: the technician decides them</source>
        <translation>Ett pakets konflikter visas bara: teknikern avgör dem</translation>
    </message>
    <message>
        <source>Select a record in conflict first.</source>
        <translation>Välj först en post med konflikt.</translation>
    </message>
    <message>
        <source>No open conflicts in this cache; those settled by policy are in the history.</source>
        <translation>Inga öppna konflikter i den här cachen; de som avgjorts enligt regel finns i historiken.</translation>
    </message>
    <message>
        <source>%1 %2 (%3): the server&apos;s value won; decide which version to keep.</source>
        <translation>%1 %2 (%3): serverns värde vann; bestäm vilken version som ska behållas.</translation>
    </message>
    <message>
        <source>Decided. The cache already holds that version; nothing to send.</source>
        <translation>Avgjort. Cachen har redan den versionen; inget att skicka.</translation>
    </message>
    <message>
        <source>Decided: %1. It goes to the office with the next sync.</source>
        <translation>Avgjort: %1. Det går till kontoret vid nästa synk.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <source>Settled by policy</source>
        <translation>Avgjord enligt regel</translation>
    </message>
    <message>
        <source>Decided by a person</source>
        <translation>Avgjord av en person</translation>
    </message>
    <message>
        <source>Open: the server&apos;s value for now</source>
        <translation>Öppen – serverns värde tills vidare</translation>
    </message>
    <message>
        <source>Technician&apos;s</source>
        <translation>Teknikerns</translation>
    </message>
    <message>
        <source>Office&apos;s</source>
        <translation>Kontorets</translation>
    </message>
    <message>
        <source>A merge</source>
        <translation>En sammanslagning</translation>
    </message>
    <message>
        <source>Settled by policy: the last change to arrive won (two devices)</source>
        <translation>Avgjord enligt regel: den senast inkomna ändringen vann (två enheter)</translation>
    </message>
    <message>
        <source>This device&apos;s</source>
        <translation>Den här enhetens</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Technician&apos;s value</source>
        <translation>Teknikerns värde</translation>
    </message>
    <message>
        <source>Office&apos;s value</source>
        <translation>Kontorets värde</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behölls</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Upptäckt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Mine (lost)</source>
        <translation>Min (förlorad)</translation>
    </message>
    <message>
        <source>Server&apos;s</source>
        <translation>Serverns</translation>
    </message>
    <message>
        <source>Now in the cache</source>
        <translation>Nu i cachen</translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
</context>
<context>
    <name>ConsolePanels</name>
    <message>
        <source>Connectivity</source>
        <translation>Uppkoppling</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Sync trace</source>
        <translation>Synkspårning</translation>
    </message>
    <message>
        <source>Data side by side</source>
        <translation>Data sida vid sida</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Loggar</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>Jobbfördelning</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scenarier</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostik</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>Tekniker</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Support console — %1 in %2 — WorkBoss Desktop</source>
        <translation>Supportkonsol – %1 i %2 – WorkBoss Desktop</translation>
    </message>
    <message>
        <source>Profile %1 · server %2 · admin API %3</source>
        <translation>Profil %1 · server %2 · admin-API %3</translation>
    </message>
    <message>
        <source>available</source>
        <translation>tillgängligt</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>inte tillgängligt</translation>
    </message>
    <message>
        <source>Tabs with the amber mark show the bundle, read-only; the others still show the live profile.</source>
        <translation>Flikarna med den gula markeringen visar paketet, skrivskyddat; de andra visar fortfarande den egna profilen.</translation>
    </message>
    <message>
        <source>Back to the live profile</source>
        <translation>Tillbaka till den egna profilen</translation>
    </message>
    <message>
        <source>Support console — bundle %3 — %1 in %2 — WorkBoss Desktop</source>
        <translation>Supportkonsol – paket %3 – %1 i %2 – WorkBoss Desktop</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>okänd</translation>
    </message>
    <message>
        <source>Showing the bundle %1</source>
        <translation>Visar paketet %1</translation>
    </message>
    <message>
        <source>Showing the sandbox %1</source>
        <translation>Visar sandlådan %1</translation>
    </message>
    <message>
        <source>Showing the sandbox %1, unpacked from the bundle %2</source>
        <translation>Visar sandlådan %1, uppackad från paketet %2</translation>
    </message>
    <message>
        <source>Technician %1 · device %2 · made %3</source>
        <translation>Tekniker %1 · enhet %2 · skapat %3</translation>
    </message>
    <message>
        <source>Shows the bundle</source>
        <translation>Visar paketet</translation>
    </message>
</context>
<context>
    <name>ConvergencePane</name>
    <message>
        <source>Not checked yet.</source>
        <translation>Inte kontrollerat än.</translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation>Samstämmighet</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Skillnader</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
</context>
<context>
    <name>CustomerCounts</name>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n jobb</numerusform>
            <numerusform>%n jobb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open document(s)</source>
        <translation>
            <numerusform>%n öppet dokument</numerusform>
            <numerusform>%n öppna dokument</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n ändring väntar på synk</numerusform>
            <numerusform>%n ändringar väntar på synk</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDetailPane</name>
    <message>
        <source>Jobs</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>The customer&apos;s jobs</source>
        <translation>Kundens jobb</translation>
    </message>
    <message>
        <source>No jobs for this customer on this tablet.</source>
        <translation>Inga jobb för den här kunden på surfplattan.</translation>
    </message>
    <message>
        <source>Invoices and estimates</source>
        <translation>Fakturor och offerter</translation>
    </message>
    <message>
        <source>The customer&apos;s documents</source>
        <translation>Kundens dokument</translation>
    </message>
    <message>
        <source>No invoices or estimates yet.</source>
        <translation>Inga fakturor eller offerter än.</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Synkstatus</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Redigera</translation>
    </message>
    <message>
        <source>Changes both sides made</source>
        <translation>Ändringar som båda sidor gjorde</translation>
    </message>
    <message>
        <source>The office owns the address.</source>
        <translation>Adressen hanteras av kontoret.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation>Servern avvisade en ändring: %1</translation>
    </message>
    <message>
        <source>The office changed the %1 too; theirs was kept: “%2” (yours: “%3”).</source>
        <translation>Kontoret ändrade också %1; kontorets behölls: ”%2” (din: ”%3”).</translation>
    </message>
    <message>
        <source>The office changed the %1 too; yours was kept: “%3” (theirs: “%2”).</source>
        <translation>Kontoret ändrade också %1; din behölls: ”%3” (kontorets: ”%2”).</translation>
    </message>
    <message>
        <source>%1: your change (%2) was kept; the office&apos;s (%3) was replaced at %4.</source>
        <translation>%1: din ändring (%2) behölls; kontorets (%3) ersattes %4.</translation>
    </message>
    <message>
        <source>%1: the office&apos;s change (%2) was kept; yours (%3) was replaced at %4.</source>
        <translation>%1: kontorets ändring (%2) behölls; din (%3) ersattes %4.</translation>
    </message>
    <message>
        <source>%1: a merge of your change and the office&apos;s was kept at %4.</source>
        <translation>%1: en sammanslagning av din och kontorets ändring behölls %4.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>tomt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>name</source>
        <translation>namnet</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>telefonnumret</translation>
    </message>
    <message>
        <source>email address</source>
        <translation>e-postadressen</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adressen</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>anteckningarna</translation>
    </message>
</context>
<context>
    <name>CustomerDocumentsModel</name>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Leverans</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betalning</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>The office owns the address. Your change is sent to the office; if the office changed it too, the office&apos;s address is kept.</source>
        <translation>Adressen hanteras av kontoret. Din ändring skickas till kontoret; om kontoret också har ändrat den behålls kontorets adress.</translation>
    </message>
</context>
<context>
    <name>CustomerJobsModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
</context>
<context>
    <name>CustomerTexts</name>
    <message>
        <source>A customer needs a name</source>
        <translation>En kund måste ha ett namn</translation>
    </message>
    <message>
        <source>This cannot be empty</source>
        <translation>Det här får inte vara tomt</translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation>Högst %1 tecken</translation>
    </message>
    <message>
        <source>“%1” is not an email address (like name@example.se)</source>
        <translation>”%1” är ingen e-postadress (som namn@exempel.se)</translation>
    </message>
    <message>
        <source>“%1” is not a phone number: use digits, +, spaces and -</source>
        <translation>”%1” är inget telefonnummer: använd siffror, +, mellanslag och -</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <source>Search by name, address or phone</source>
        <translation>Sök på namn, adress eller telefon</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Sök kunder</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Pick a customer to see their details.</source>
        <translation>Välj en kund för att se uppgifterna.</translation>
    </message>
    <message>
        <source>No customers on this tablet yet.</source>
        <translation>Inga kunder på surfplattan än.</translation>
    </message>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>Ingen kund matchar ”%1”.</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>%1 av %2 kunder</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n kund</numerusform>
            <numerusform>%n kunder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <source>Search both sides…</source>
        <translation>Sök på båda sidor…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Check convergence</source>
        <translation>Kontrollera samstämmighet</translation>
    </message>
    <message>
        <source>This tablet&apos;s records</source>
        <translation>Surfplattans poster</translation>
    </message>
    <message>
        <source>The office&apos;s records</source>
        <translation>Kontorets poster</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Inte kontrollerat än.</translation>
    </message>
    <message>
        <source>This tablet</source>
        <translation>Surfplattan</translation>
    </message>
    <message>
        <source>The office</source>
        <translation>Kontoret</translation>
    </message>
    <message>
        <source>A bundle&apos;s records: the office&apos;s side is this console&apos;s server, not the tablet&apos;s, so it is not shown or compared.</source>
        <translation>Ett pakets poster: kontorets sida är den här konsolens server, inte surfplattans, så den visas inte och jämförs inte.</translation>
    </message>
    <message>
        <source>This server&apos;s admin API is not open to the app, so the office&apos;s side cannot be shown: start the server with --admin-token.</source>
        <translation>Serverns admin-API är inte öppet för appen, så kontorets sida kan inte visas: starta servern med --admin-token.</translation>
    </message>
    <message>
        <source>No technician is signed in on this tablet yet.</source>
        <translation>Ingen tekniker är inloggad på surfplattan än.</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n rad</numerusform>
            <numerusform>%n rader</numerusform>
        </translation>
    </message>
    <message>
        <source>The first %1 of %2 rows</source>
        <translation>De första %1 av %2 raderna</translation>
    </message>
    <message>
        <source>The office has no outbox: these ops wait here.</source>
        <translation>Kontoret har ingen utkorg: de här ändringarna väntar här.</translation>
    </message>
    <message>
        <source>Not shown for a bundle.</source>
        <translation>Visas inte för ett paket.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <source>Not loaded.</source>
        <translation>Inte laddat.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <source>The office could not be asked: %1</source>
        <translation>Det gick inte att fråga kontoret: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n differences</source>
        <translation>
            <numerusform>%n skillnad</numerusform>
            <numerusform>%n skillnader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Converged: the tablet and the office agree on %n records</source>
        <translation>
            <numerusform>Samstämmiga: surfplattan och kontoret är överens om %n post</numerusform>
            <numerusform>Samstämmiga: surfplattan och kontoret är överens om %n poster</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting to sync: changes in the outbox</source>
        <translation>Väntar på synk: ändringar i utkorgen</translation>
    </message>
    <message>
        <source>Not pulled yet: the office has a newer version</source>
        <translation>Inte hämtad än: kontoret har en nyare version</translation>
    </message>
    <message>
        <source>No longer this technician&apos;s at the office; the next pull drops it</source>
        <translation>Tillhör inte längre teknikern enligt kontoret; nästa hämtning tar bort den</translation>
    </message>
    <message>
        <source>Refused by the server: see the outbox</source>
        <translation>Avvisad av servern: se utkorgen</translation>
    </message>
    <message>
        <source>Conflict: waiting for a decision</source>
        <translation>Konflikt: väntar på beslut</translation>
    </message>
    <message>
        <source>Unexplained: nothing waiting to sync explains it</source>
        <translation>Oförklarad: inget som väntar på synk förklarar den</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Underskrift</translation>
    </message>
    <message>
        <source>Time entry</source>
        <translation>Tidregistrering</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betalning</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foton</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Underskrifter</translation>
    </message>
    <message>
        <source>Time entries</source>
        <translation>Tidregistreringar</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Betalningar</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>%1: each is explained by a change not yet synced; none needs a look.</source>
        <translation>%1: varje förklaras av en ändring som inte synkats än; ingen behöver granskas.</translation>
    </message>
    <message>
        <source>%1: %2 explained by changes not yet synced, %3 need a look.</source>
        <translation>%1: %2 förklaras av ändringar som inte synkats än, %3 behöver granskas.</translation>
    </message>
</context>
<context>
    <name>DayNavigator</name>
    <message>
        <source>Previous day</source>
        <translation>Föregående dag</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Nästa dag</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>I dag, %1</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <source>This device — %1</source>
        <translation>Den här enheten – %1</translation>
    </message>
    <message>
        <source>Local cache</source>
        <translation>Lokal cache</translation>
    </message>
    <message>
        <source>%1 jobs, %2 customers</source>
        <translation>%1 jobb, %2 kunder</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n ändring väntar på synk</numerusform>
            <numerusform>%n ändringar väntar på synk</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>I cachen</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
    <message>
        <source>Storage: %1 of %2</source>
        <translation>Lagring: %1 av %2</translation>
    </message>
    <message>
        <source>Support console…</source>
        <translation>Supportkonsol…</translation>
    </message>
    <message>
        <source>For support and QA: the network, the outbox, the sync trace, scenarios</source>
        <translation>För support och QA: nätverket, utkorgen, synkspårningen, scenarier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <source>Diagnostics bundles</source>
        <translation>Diagnostikpaket</translation>
    </message>
    <message>
        <source>Open a bundle from a tablet</source>
        <translation>Öppna ett paket från en surfplatta</translation>
    </message>
    <message>
        <source>It opens in a sandbox of its own under %1; this profile is not touched. A sandbox opened before can be opened again from its folder.</source>
        <translation>Det öppnas i en egen sandlåda under %1; den här profilen påverkas inte. En sandlåda som öppnats tidigare kan öppnas igen från sin mapp.</translation>
    </message>
    <message>
        <source>Open bundle…</source>
        <translation>Öppna paket…</translation>
    </message>
    <message>
        <source>Open sandbox…</source>
        <translation>Öppna sandlåda…</translation>
    </message>
    <message>
        <source>A bundle unpacked earlier, here or by &apos;wb-desktop diagnostics open&apos;</source>
        <translation>Ett paket som packats upp tidigare, här eller med ”wb-desktop diagnostics open”</translation>
    </message>
    <message>
        <source>Replay outbox against this server</source>
        <translation>Kör om utkorgen mot den här servern</translation>
    </message>
    <message>
        <source>Save as a scenario…</source>
        <translation>Spara som scenario…</translation>
    </message>
    <message>
        <source>One .wbrepro file: the work as in the field with the faults found (it must fail the same way) and the fixed variant (it must pass), with the photos</source>
        <translation>En .wbrepro-fil: arbetet som ute på fältet med felen som hittades (det ska misslyckas på samma sätt) och den åtgärdade varianten (den ska gå igenom), med fotona</translation>
    </message>
    <message>
        <source>Replays as the bundle&apos;s technician against %1, with the same device and sequence numbers: ops the server already has come back as duplicates.</source>
        <translation>Spelas upp som paketets tekniker mot %1, med samma enhet och sekvensnummer: ändringar som servern redan har kommer tillbaka som dubbletter.</translation>
    </message>
    <message>
        <source>Replay needs the server&apos;s admin API, which this app cannot use.</source>
        <translation>Att köra om kräver serverns admin-API, som den här appen inte kan använda.</translation>
    </message>
    <message>
        <source>Run it in Scenarios</source>
        <translation>Kör det under Scenarier</translation>
    </message>
    <message>
        <source>Open diagnostics bundle</source>
        <translation>Öppna diagnostikpaket</translation>
    </message>
    <message>
        <source>Diagnostics bundles (*.zip);;All files (*)</source>
        <translation>Diagnostikpaket (*.zip);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Open a sandbox folder</source>
        <translation>Öppna en sandlådemapp</translation>
    </message>
    <message>
        <source>Replaying…</source>
        <translation>Spelar upp…</translation>
    </message>
    <message>
        <source>Pushed %1: %2 applied, %3 duplicates, %4 conflicts, %5 refused. Still waiting: %6; dead: %7.</source>
        <translation>Skickade %1: %2 tillämpade, %3 dubbletter, %4 konflikter, %5 avvisade. Väntar fortfarande: %6; döda: %7.</translation>
    </message>
    <message>
        <source>The last attempt failed: %1</source>
        <translation>Senaste försöket misslyckades: %1</translation>
    </message>
    <message>
        <source>This bundle was redacted: the server got placeholders, not customer data.</source>
        <translation>Paketet var maskerat: servern fick platshållare, inte kunddata.</translation>
    </message>
    <message>
        <source>Scenario saved: %1</source>
        <translation>Scenariot sparat: %1</translation>
    </message>
    <message>
        <source>Not in it: %1</source>
        <translation>Inte med: %1</translation>
    </message>
    <message>
        <source>Save as a scenario</source>
        <translation>Spara som scenario</translation>
    </message>
    <message>
        <source>Repro, field and fixed (*.wbrepro);;One scenario, YAML (*.yaml)</source>
        <translation>Repro, fält och åtgärdad (*.wbrepro);;Ett scenario, YAML (*.yaml)</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Servern avvisade: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Något gick fel: %1</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Sekv</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Varför den avvisades</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Uppladdning</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Synkproblem</translation>
    </message>
    <message>
        <source>File in bundle</source>
        <translation>Fil i paketet</translation>
    </message>
    <message>
        <source>No refusal in the trace</source>
        <translation>Inget avvisat i synkspårningen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No (left out)</source>
        <translation>Nej (utelämnad)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Underskrift</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Partly uploaded</source>
        <translation>Delvis uppladdad</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Här</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kontoret</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>whole record</source>
        <translation>hela posten</translation>
    </message>
    <message>
        <source>present</source>
        <translation>finns</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>saknas</translation>
    </message>
</context>
<context>
    <name>DispatcherPanel</name>
    <message>
        <source>Show the jobs of</source>
        <translation>Visa jobb för</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>Alla tekniker</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>New job…</source>
        <translation>Nytt jobb…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <source>Cancel job…</source>
        <translation>Avboka jobb…</translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation>Flytta till</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Flytta</translation>
    </message>
    <message>
        <source>This server&apos;s admin API is not open to the app: start it with --admin-token to dispatch jobs from here.</source>
        <translation>Serverns admin-API är inte öppet för appen: starta servern med --admin-token för att fördela jobb härifrån.</translation>
    </message>
    <message>
        <source>The office&apos;s jobs</source>
        <translation>Kontorets jobb</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ej tilldelat</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>Ingen (ta bort tilldelning)</translation>
    </message>
    <message>
        <source>Nothing changed: there is nothing to send.</source>
        <translation>Inget ändrades: det finns inget att skicka.</translation>
    </message>
    <message>
        <source>Job changed.</source>
        <translation>Jobbet ändrades.</translation>
    </message>
    <message>
        <source>Job created.</source>
        <translation>Jobbet skapades.</translation>
    </message>
    <message>
        <source>Cancel “%1”? The technician&apos;s tablet hears it with its next pull.</source>
        <translation>Avboka ”%1”? Teknikerns surfplatta får veta det vid nästa hämtning.</translation>
    </message>
    <message>
        <source>Job cancelled.</source>
        <translation>Jobbet avbokades.</translation>
    </message>
    <message>
        <source>The job is already %1&apos;s.</source>
        <translation>Jobbet tillhör redan %1.</translation>
    </message>
    <message>
        <source>The job is already unassigned.</source>
        <translation>Jobbet är redan otilldelat.</translation>
    </message>
    <message>
        <source>Job reassigned.</source>
        <translation>Jobbet flyttades.</translation>
    </message>
    <message>
        <source>The office refused: %1</source>
        <translation>Kontoret avvisade: %1</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Lines</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>%1: a change from another of your devices was replaced by this one&apos;s at %2.</source>
        <translation>%1: en ändring från en annan av dina enheter ersattes av den här enhetens kl. %2.</translation>
    </message>
    <message>
        <source>%1: this device&apos;s change was replaced by another of your devices&apos; at %2.</source>
        <translation>%1: den här enhetens ändring ersattes av en annan av dina enheters kl. %2.</translation>
    </message>
    <message>
        <source>Pick the customer this invoice is for.</source>
        <translation>Välj kunden som fakturan gäller.</translation>
    </message>
    <message>
        <source>Pick the customer this estimate is for.</source>
        <translation>Välj kunden som offerten gäller.</translation>
    </message>
    <message>
        <source>Pick a customer.</source>
        <translation>Välj en kund.</translation>
    </message>
    <message>
        <source>An invoice needs at least one line.</source>
        <translation>En faktura måste ha minst en rad.</translation>
    </message>
    <message>
        <source>An estimate needs at least one line.</source>
        <translation>En offert måste ha minst en rad.</translation>
    </message>
    <message>
        <source>Fix the marked lines before saving.</source>
        <translation>Rätta de markerade raderna innan du sparar.</translation>
    </message>
    <message>
        <source>Invoice %1 made from estimate %2.</source>
        <translation>Faktura %1 skapad från offert %2.</translation>
    </message>
    <message>
        <source>Estimate %2 already became invoice %1.</source>
        <translation>Offert %2 har redan blivit faktura %1.</translation>
    </message>
</context>
<context>
    <name>DocumentLabels</name>
    <message>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Offert</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Queued to send</source>
        <translation>I kö för att skickas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betald</translation>
    </message>
    <message>
        <source>Card declined</source>
        <translation>Kort nekat</translation>
    </message>
    <message>
        <source>Payment unconfirmed</source>
        <translation>Betalning obekräftad</translation>
    </message>
</context>
<context>
    <name>DocumentListView</name>
    <message>
        <source>Invoices and estimates</source>
        <translation>Fakturor och offerter</translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation>Ny faktura</translation>
    </message>
    <message>
        <source>New estimate</source>
        <translation>Ny offert</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Fakturor</translation>
    </message>
    <message>
        <source>Estimates</source>
        <translation>Offerter</translation>
    </message>
    <message>
        <source>Search by customer or reference</source>
        <translation>Sök på kund eller referens</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Inget matchar ”%1”.</translation>
    </message>
    <message>
        <source>No invoices or estimates yet. Make one from a job or with New invoice.</source>
        <translation>Inga fakturor eller offerter än. Skapa en från ett jobb eller med Ny faktura.</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>A technician cannot move a job from &apos;%1&apos; to &apos;%2&apos;. Allowed next: %3.</source>
        <translation>En tekniker kan inte flytta ett jobb från ”%1” till ”%2”. Tillåtet härnäst: %3.</translation>
    </message>
    <message>
        <source>An office cannot move a job from &apos;%1&apos; to &apos;%2&apos;. Allowed next: %3.</source>
        <translation>Kontoret kan inte flytta ett jobb från ”%1” till ”%2”. Tillåtet härnäst: %3.</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>planerat</translation>
    </message>
    <message>
        <source>en_route</source>
        <translation>på väg</translation>
    </message>
    <message>
        <source>in_progress</source>
        <translation>pågår</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>klart</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbokat</translation>
    </message>
    <message>
        <source>job</source>
        <translation>jobb</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>kund</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>faktura</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>offert</translation>
    </message>
    <message>
        <source>document</source>
        <translation>dokument</translation>
    </message>
    <message>
        <source>note</source>
        <translation>anteckning</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>underskrift</translation>
    </message>
    <message>
        <source>time entry</source>
        <translation>tidregistrering</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>betalning</translation>
    </message>
    <message>
        <source>none (the job is closed)</source>
        <translation>inget (jobbet är avslutat)</translation>
    </message>
    <message>
        <source>The %1 cannot move a job from &apos;%2&apos; to &apos;%3&apos;. Allowed next: %4.</source>
        <translation>%1 kan inte flytta ett jobb från ”%2” till ”%3”. Tillåtet härnäst: %4.</translation>
    </message>
    <message>
        <source>No %1 with id %2 in the local cache.</source>
        <translation>Hittade inte %1 %2 i den lokala cachen.</translation>
    </message>
    <message>
        <source>Storage full: %1 of %2 used and this needs %3 more. Nothing was saved. Sync and free space (synced photos can be removed from the device) or ask support to raise the quota.</source>
        <translation>Lagringen är full: %1 av %2 används och det här behöver %3 till. Inget sparades. Synka och frigör utrymme (synkade foton kan tas bort från enheten) eller be supporten höja kvoten.</translation>
    </message>
    <message>
        <source>The tablet&apos;s storage is full, so this was not saved; nothing already saved is lost. Free some space on the tablet (synced photos can be removed from it) and try again.</source>
        <translation>Surfplattans lagring är full, så det här sparades inte; inget som redan är sparat går förlorat. Frigör utrymme på surfplattan (synkade foton kan tas bort från den) och försök igen.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 × %3 pixels; photos up to %4 megapixels are accepted</source>
        <translation>”%1” är %2 × %3 pixlar; foton på högst %4 megapixlar godtas</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty</source>
        <translation>”%1” är tomt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is larger than %2 MB</source>
        <translation>”%1” är större än %2 MB</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a photo (JPEG, PNG, WebP or HEIC expected)</source>
        <translation>”%1” är inget foto (JPEG, PNG, WebP eller HEIC väntades)</translation>
    </message>
    <message>
        <source>the rendered signature must be a PNG image</source>
        <translation>den ritade underskriften måste vara en PNG-bild</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a supported currency (%2)</source>
        <translation>”%1” är ingen valuta som stöds (%2)</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>ett tal väntades, fick %1</translation>
    </message>
    <message>
        <source>%1 must be given as text or a whole number, not a float</source>
        <translation>%1 måste anges som text eller heltal, inte som flyttal</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation>”%1” är inget ändligt tal</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number (use digits and a point, like 1250.50)</source>
        <translation>”%1” är inget tal (använd siffror och punkt, som 1250.50)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>”%1” är inget tal</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has too many decimals (at most %2)</source>
        <translation>”%1” har för många decimaler (högst %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is negative; amounts must be 0 or more</source>
        <translation>”%1” är negativt; belopp måste vara 0 eller mer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large (limit %2)</source>
        <translation>”%1” är för stort (gräns %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be more than zero</source>
        <translation>”%1” måste vara större än noll</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a percentage from 0 to 100</source>
        <translation>”%1” måste vara en procentsats från 0 till 100</translation>
    </message>
    <message>
        <source>a line needs a description</source>
        <translation>en rad måste ha en beskrivning</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>högst %1 tecken</translation>
    </message>
    <message>
        <source>an invoice or estimate needs at least one line</source>
        <translation>en faktura eller offert måste ha minst en rad</translation>
    </message>
    <message>
        <source>at most %1 lines</source>
        <translation>högst %1 rader</translation>
    </message>
    <message>
        <source>expected text, got %1</source>
        <translation>text väntades, fick %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>måste fyllas i</translation>
    </message>
    <message>
        <source>expected a date and time, got %1</source>
        <translation>datum och tid väntades, fick %1</translation>
    </message>
    <message>
        <source>has no time zone; convert camera (EXIF) local times before saving</source>
        <translation>saknar tidszon; konvertera kamerans lokala tider (EXIF) innan du sparar</translation>
    </message>
    <message>
        <source>is not a customer field (%1)</source>
        <translation>är inget kundfält (%1)</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>inget att ändra</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an email address</source>
        <translation>”%1” är ingen e-postadress</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a phone number (digits, +, spaces, -)</source>
        <translation>”%1” är inget telefonnummer (siffror, +, mellanslag, -)</translation>
    </message>
    <message>
        <source>a note cannot be empty</source>
        <translation>en anteckning får inte vara tom</translation>
    </message>
    <message>
        <source>a note is at most %1 characters</source>
        <translation>en anteckning är högst %1 tecken</translation>
    </message>
    <message>
        <source>expected a list of strokes</source>
        <translation>en lista med penndrag väntades</translation>
    </message>
    <message>
        <source>at most %1 strokes</source>
        <translation>högst %1 penndrag</translation>
    </message>
    <message>
        <source>expected a list of points</source>
        <translation>en lista med punkter väntades</translation>
    </message>
    <message>
        <source>expected [x, y, pressure 0..1, time ms]</source>
        <translation>[x, y, tryck 0..1, tid ms] väntades</translation>
    </message>
    <message>
        <source>at most %1 points in all</source>
        <translation>högst %1 punkter totalt</translation>
    </message>
    <message>
        <source>the signature is empty; ask the customer to sign</source>
        <translation>underskriften är tom; be kunden skriva under</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a job status (expected one of: %2)</source>
        <translation>”%1” är ingen jobbstatus (väntade en av: %2)</translation>
    </message>
    <message>
        <source>pick the customer the invoice or estimate is for</source>
        <translation>välj kunden som fakturan eller offerten gäller</translation>
    </message>
    <message>
        <source>%1 is already an invoice; only an estimate can be converted into one.</source>
        <translation>%1 är redan en faktura; bara en offert kan göras om till faktura.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not invoice or estimate</source>
        <translation>”%1” är varken faktura eller offert</translation>
    </message>
    <message>
        <source>unknown keys: %1</source>
        <translation>okända nycklar: %1</translation>
    </message>
    <message>
        <source>expected a line</source>
        <translation>en rad väntades</translation>
    </message>
    <message>
        <source>the job belongs to another customer</source>
        <translation>jobbet tillhör en annan kund</translation>
    </message>
    <message>
        <source>%1 is queued and can no longer be edited; make a new one instead.</source>
        <translation>%1 ligger i kö för att skickas och kan inte längre ändras; skapa en ny i stället.</translation>
    </message>
    <message>
        <source>%1 has been sent and can no longer be edited; make a new one instead.</source>
        <translation>%1 har skickats och kan inte längre ändras; skapa en ny i stället.</translation>
    </message>
    <message>
        <source>Card payments need a connection, and this tablet is offline. Send the invoice by email once you are back in range.</source>
        <translation>Kortbetalning kräver uppkoppling, och surfplattan är offline. Skicka fakturan med e-post när du har täckning igen.</translation>
    </message>
    <message>
        <source>The invoice has not reached the office yet; sync, then take the payment.</source>
        <translation>Fakturan har inte nått kontoret än; synka och ta sedan betalt.</translation>
    </message>
    <message>
        <source>Only an invoice can be paid by card, not an estimate.</source>
        <translation>Bara en faktura kan betalas med kort, inte en offert.</translation>
    </message>
    <message>
        <source>This invoice is already paid.</source>
        <translation>Fakturan är redan betald.</translation>
    </message>
    <message>
        <source>no answer from the payment service; try again — the card will not be charged twice</source>
        <translation>inget svar från betaltjänsten; försök igen – beloppet dras inte två gånger från kortet</translation>
    </message>
    <message>
        <source>The payment service gave an answer this app does not understand. Try again — the card will not be charged twice.</source>
        <translation>Betaltjänsten gav ett svar som appen inte förstår. Försök igen – beloppet dras inte två gånger från kortet.</translation>
    </message>
    <message>
        <source>Sync has not started yet; try the payment again in a moment.</source>
        <translation>Synken har inte startat än; försök med betalningen igen om en stund.</translation>
    </message>
    <message>
        <source>expected a %1 id, got %2</source>
        <translation>ett %1-id väntades, fick %2</translation>
    </message>
    <message>
        <source>Cannot clock in on job &apos;%1&apos;: it is complete.</source>
        <translation>Det går inte att stämpla in på jobbet ”%1”: det är klart.</translation>
    </message>
    <message>
        <source>Cannot clock in on job &apos;%1&apos;: it is cancelled.</source>
        <translation>Det går inte att stämpla in på jobbet ”%1”: det är avbokat.</translation>
    </message>
    <message>
        <source>Cannot clock in on job &apos;%1&apos;: it is %2.</source>
        <translation>Det går inte att stämpla in på jobbet ”%1”: status är %2.</translation>
    </message>
    <message>
        <source>Already clocked in %1 since %2; clock out of it first.</source>
        <translation>Du är redan instämplad %1 sedan %2; stämpla ut först.</translation>
    </message>
    <message>
        <source>give a job or the day to clock out of, not both</source>
        <translation>ange ett jobb eller dagen att stämpla ut från, inte båda</translation>
    </message>
    <message>
        <source>the clock-out time is before the clock-in time; check the device clock</source>
        <translation>utstämplingen är före instämplingen; kontrollera klockan på enheten</translation>
    </message>
    <message>
        <source>Not clocked in for the day, so there is nothing to clock out of.</source>
        <translation>Du är inte instämplad för dagen, så det finns inget att stämpla ut från.</translation>
    </message>
    <message>
        <source>Not clocked in, so there is nothing to clock out of.</source>
        <translation>Du är inte instämplad, så det finns inget att stämpla ut från.</translation>
    </message>
    <message>
        <source>Not clocked in on &apos;%1&apos;, so there is nothing to clock out of.</source>
        <translation>Du är inte instämplad på ”%1”, så det finns inget att stämpla ut från.</translation>
    </message>
    <message>
        <source>Not clocked in on &apos;%1&apos;: the open job entry is %2.</source>
        <translation>Du är inte instämplad på ”%1”: den öppna jobbstämplingen är %2.</translation>
    </message>
    <message>
        <source>for the day</source>
        <translation>för dagen</translation>
    </message>
    <message>
        <source>on a job</source>
        <translation>på ett jobb</translation>
    </message>
    <message>
        <source>on &apos;%1&apos;</source>
        <translation>på ”%1”</translation>
    </message>
    <message>
        <source>Storage %1% full (%2 of %3). Sync soon; new photos are refused at 100 %.</source>
        <translation>Lagringen är %1 % full (%2 av %3). Synka snart; nya foton nekas vid 100 %.</translation>
    </message>
    <message>
        <source>Offline — simulated network profile &apos;%1&apos;</source>
        <translation>Offline – simulerad nätverksprofil ”%1”</translation>
    </message>
    <message>
        <source>Offline — no network</source>
        <translation>Offline – inget nätverk</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkar…</translation>
    </message>
    <message>
        <source>Offline — the server does not answer</source>
        <translation>Offline – servern svarar inte</translation>
    </message>
    <message>
        <source>Offline — a Wi-Fi login page answered instead of the server</source>
        <translation>Offline – en inloggningssida för wifi svarade i stället för servern</translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation>Synkfel: %1</translation>
    </message>
    <message>
        <source>1 change was refused by the server — see details</source>
        <translation>1 ändring avvisades av servern – se detaljer</translation>
    </message>
    <message>
        <source>%1 changes were refused by the server — see details</source>
        <translation>%1 ändringar avvisades av servern – se detaljer</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>WorkBoss Desktop is already open with profile &apos;%1&apos;. Switch to that window, or start with another profile (--profile NAME).</source>
        <translation>WorkBoss Desktop är redan öppet med profilen ”%1”. Byt till det fönstret, eller starta med en annan profil (--profile NAMN).</translation>
    </message>
    <message>
        <source>the built-in demo server</source>
        <translation>den inbyggda demoservern</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; is signed in to %2, not %3. Start with that server again, or use another profile (--profile NAME) for this one; nothing was changed.</source>
        <translation>Profilen ”%1” är inloggad på %2, inte %3. Starta med den servern igen, eller använd en annan profil (--profile NAMN) för den här; inget ändrades.</translation>
    </message>
    <message>
        <source>This profile belongs to %1; %2 needs a profile of their own (--profile NAME). Nothing was changed.</source>
        <translation>Den här profilen tillhör %1; %2 behöver en egen profil (--profile NAMN). Inget ändrades.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be a profile name: use 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>”%1” kan inte vara ett profilnamn: använd 1–64 bokstäver, siffror, ”.”, ”_” eller ”-”, och börja med en bokstav eller siffra</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2</source>
        <translation>”%1” i %2</translation>
    </message>
    <message>
        <source>Settings error: %1: %2. Fix or remove the file (defaults are used when it is missing); it was not changed.</source>
        <translation>Fel i inställningarna: %1: %2. Rätta eller ta bort filen (standardvärden används när den saknas); den ändrades inte.</translation>
    </message>
    <message>
        <source>must be a whole number of MB, not %1</source>
        <translation>måste vara ett helt antal MB, inte %1</translation>
    </message>
    <message>
        <source>must be between %1 and %2 MB, not %3</source>
        <translation>måste vara mellan %1 och %2 MB, inte %3</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>kan inte läsas (%1)</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>är inte UTF-8-text</translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at line %2)</source>
        <translation>är inte giltig JSON (%1 på rad %2)</translation>
    </message>
    <message>
        <source>must hold a JSON object ({...})</source>
        <translation>måste innehålla ett JSON-objekt ({...})</translation>
    </message>
    <message>
        <source>%1 is not a WorkBoss cache database (%2). It was left untouched. Move it aside (or restore a copy from the backups folder next to it) and start again.</source>
        <translation>%1 är inte en WorkBoss-cachedatabas (%2). Den lämnades orörd. Flytta undan den (eller återställ en kopia från mappen backups bredvid) och starta igen.</translation>
    </message>
    <message>
        <source>%1 is not a WorkBoss cache database. It was left untouched. Move it aside (or restore a copy from the backups folder next to it) and start again.</source>
        <translation>%1 är inte en WorkBoss-cachedatabas. Den lämnades orörd. Flytta undan den (eller återställ en kopia från mappen backups bredvid) och starta igen.</translation>
    </message>
    <message>
        <source>%1 is in use by another program (is WorkBoss Desktop already open with this profile?). Close the other window or program and try again; nothing was changed.</source>
        <translation>%1 används av ett annat program (är WorkBoss Desktop redan öppet med den här profilen?). Stäng det andra fönstret eller programmet och försök igen; inget ändrades.</translation>
    </message>
    <message>
        <source>%1 was written by a newer WorkBoss Desktop (schema revision %2), which this version does not know. Update WorkBoss Desktop; the file was left untouched.</source>
        <translation>%1 skrevs av en nyare WorkBoss Desktop (schemarevision %2) som den här versionen inte känner till. Uppdatera WorkBoss Desktop; filen lämnades orörd.</translation>
    </message>
    <message>
        <source>Upgrading %1 failed: %2. The database was rolled back. A backup taken just before is at %3.</source>
        <translation>Uppgraderingen av %1 misslyckades: %2. Databasen återställdes. En säkerhetskopia tagen strax innan finns i %3.</translation>
    </message>
    <message>
        <source>Upgrading %1 failed: %2. The database was rolled back.</source>
        <translation>Uppgraderingen av %1 misslyckades: %2. Databasen återställdes.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2), so it was not opened; it was left untouched. The newest good backup is %3. To put it back (the damaged file is kept beside it), close WorkBoss Desktop and run: %4</source>
        <translation>%1 är skadad (%2), så den öppnades inte; den lämnades orörd. Den senaste felfria säkerhetskopian är %3. För att lägga tillbaka den (den skadade filen sparas bredvid), stäng WorkBoss Desktop och kör: %4</translation>
    </message>
    <message>
        <source>%1 is damaged (%2), so it was not opened; it was left untouched. There is no good backup of it in %3. Keep the file for support; to start again with an empty cache, move it aside (changes not yet synced stay only in that file).</source>
        <translation>%1 är skadad (%2), så den öppnades inte; den lämnades orörd. Det finns ingen felfri säkerhetskopia av den i %3. Spara filen åt supporten; för att börja om med en tom cache, flytta undan den (ändringar som ännu inte synkats finns bara kvar i den filen).</translation>
    </message>
    <message>
        <source>The cache migrations are missing from this installation of WorkBoss Desktop. Reinstall it (pip install --force-reinstall wb-desktop); no data was touched.</source>
        <translation>Cachens migreringar saknas i den här installationen av WorkBoss Desktop. Installera om den (pip install --force-reinstall wb-desktop); inga data rördes.</translation>
    </message>
    <message>
        <source>it holds other tables (%1) but no cache schema</source>
        <translation>den innehåller andra tabeller (%1) men inget cacheschema</translation>
    </message>
    <message>
        <source>broken references found: %1</source>
        <translation>trasiga referenser hittades: %1</translation>
    </message>
    <message>
        <source>the server speaks protocol %1; this app speaks %2</source>
        <translation>servern talar protokoll %1; den här appen talar %2</translation>
    </message>
    <message>
        <source>the push reply does not answer the ops that were sent</source>
        <translation>svaret på sändningen svarar inte på de ändringar som skickades</translation>
    </message>
    <message>
        <source>the network answered with a web page instead of the server (a Wi-Fi login page?)</source>
        <translation>nätverket svarade med en webbsida i stället för servern (en inloggningssida för wifi?)</translation>
    </message>
    <message>
        <source>the reply is not JSON (%1)</source>
        <translation>svaret är inte JSON (%1)</translation>
    </message>
    <message>
        <source>the reply is not valid JSON (truncated?)</source>
        <translation>svaret är inte giltig JSON (avkortat?)</translation>
    </message>
    <message>
        <source>the reply is not a JSON object</source>
        <translation>svaret är inte ett JSON-objekt</translation>
    </message>
    <message>
        <source>the reply&apos;s &apos;%1&apos; is not usable: %2</source>
        <translation>svarets ”%1” går inte att använda: %2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <source>the server refused it: %1</source>
        <translation>servern avvisade den: %1</translation>
    </message>
    <message>
        <source>the server answered %1: %2</source>
        <translation>servern svarade %1: %2</translation>
    </message>
    <message>
        <source>the pull stopped: %1</source>
        <translation>hämtningen avbröts: %1</translation>
    </message>
    <message>
        <source>the pull stopped at unusable server data: %1</source>
        <translation>hämtningen avbröts vid oanvändbara serverdata: %1</translation>
    </message>
    <message>
        <source>the file of %1 %2 is missing</source>
        <translation>filen för %1 %2 saknas</translation>
    </message>
    <message>
        <source>the downloaded file %1… is damaged</source>
        <translation>den hämtade filen %1… är skadad</translation>
    </message>
    <message>
        <source>the pull stopped: cannot save a file (%1)</source>
        <translation>hämtningen avbröts: kan inte spara en fil (%1)</translation>
    </message>
    <message>
        <source>offline (simulated network profile &apos;%1&apos;)</source>
        <translation>offline (simulerad nätverksprofil ”%1”)</translation>
    </message>
    <message>
        <source>connecting timed out: %1</source>
        <translation>uppkopplingen tog för lång tid: %1</translation>
    </message>
    <message>
        <source>no reply in time: %1</source>
        <translation>inget svar i tid: %1</translation>
    </message>
    <message>
        <source>connection failed: %1</source>
        <translation>uppkopplingen misslyckades: %1</translation>
    </message>
    <message>
        <source>the request failed: %1</source>
        <translation>begäran misslyckades: %1</translation>
    </message>
    <message>
        <source>the file cannot be read: %1</source>
        <translation>filen kan inte läsas: %1</translation>
    </message>
    <message>
        <source>the file on this device is damaged (its hash changed)</source>
        <translation>filen på den här enheten är skadad (dess hash har ändrats)</translation>
    </message>
    <message>
        <source>upload refused: %1</source>
        <translation>uppladdningen avvisades: %1</translation>
    </message>
    <message>
        <source>Sync error: cannot start: %1</source>
        <translation>Synkfel: kan inte starta: %1</translation>
    </message>
    <message>
        <source>These conflicts are already resolved or no longer exist.</source>
        <translation>Konflikterna är redan lösta eller finns inte längre.</translation>
    </message>
    <message>
        <source>The %1 of a %2 cannot be changed on this device; keep the server&apos;s value.</source>
        <translation>Fältet %1 i en post av typen %2 kan inte ändras på den här enheten; behåll serverns värde.</translation>
    </message>
    <message>
        <source>A change was discarded by support and never sent: %1</source>
        <translation>En ändring togs bort av supporten och skickades aldrig: %1</translation>
    </message>
    <message>
        <source>A job needs a title.</source>
        <translation>Ett jobb måste ha en rubrik.</translation>
    </message>
    <message>
        <source>The title is over %1 characters.</source>
        <translation>Rubriken är längre än %1 tecken.</translation>
    </message>
    <message>
        <source>The description is over %1 characters.</source>
        <translation>Beskrivningen är längre än %1 tecken.</translation>
    </message>
    <message>
        <source>The address is over %1 characters.</source>
        <translation>Adressen är längre än %1 tecken.</translation>
    </message>
    <message>
        <source>Pick the customer the job is for.</source>
        <translation>Välj kunden som jobbet gäller.</translation>
    </message>
    <message>
        <source>The job must end after it starts (it starts at %1).</source>
        <translation>Jobbet måste sluta efter att det börjar (det börjar %1).</translation>
    </message>
    <message>
        <source>write it as “description; quantity; unit price; VAT %”</source>
        <translation>skriv som ”beskrivning; antal; à-pris; moms %”</translation>
    </message>
    <message>
        <source>the description is too long</source>
        <translation>beskrivningen är för lång</translation>
    </message>
    <message>
        <source>VAT is at most 100 %</source>
        <translation>Momsen är högst 100 %</translation>
    </message>
    <message>
        <source>At most %1 line items.</source>
        <translation>Högst %1 rader.</translation>
    </message>
    <message>
        <source>“%2” is not a number</source>
        <translation>”%2” är inget tal</translation>
    </message>
    <message>
        <source>“%2” is too small</source>
        <translation>”%2” är för litet</translation>
    </message>
    <message>
        <source>“%2” has more than %3 decimals</source>
        <translation>”%2” har fler än %3 decimaler</translation>
    </message>
    <message>
        <source>Line item %1: %2</source>
        <translation>Rad %1: %2</translation>
    </message>
    <message>
        <source>The diagnostics bundle could not be written to %1: %2</source>
        <translation>Diagnostikpaketet kunde inte skrivas till %1: %2</translation>
    </message>
    <message>
        <source>There is no cache database at %1, so there is nothing to export.</source>
        <translation>Det finns ingen cachedatabas i %1, så det finns inget att exportera.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kan inte läsas: %2</translation>
    </message>
    <message>
        <source>%1 is not a diagnostics bundle: it is not a zip file. Ask for the .zip that &apos;Export bundle&apos; wrote.</source>
        <translation>%1 är inget diagnostikpaket: det är ingen zip-fil. Be om den .zip-fil som ”Exportera paket” skrev.</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete (%2). Ask for the bundle again; a download or mail attachment may have been cut short.</source>
        <translation>%1 är skadat eller ofullständigt (%2). Be om paketet igen; en nedladdning eller e-postbilaga kan ha avbrutits.</translation>
    </message>
    <message>
        <source>%1 was not opened: it unpacks to more than %2, the most a bundle may unpack to. Nothing of it was kept.</source>
        <translation>%1 öppnades inte: det blir större än %2 uppackat, och större än så får ett paket inte bli. Inget av det sparades.</translation>
    </message>
    <message>
        <source>%1 was not opened: %2 in it unpacks to more than %3 times its packed size, which no real bundle does; it may be a zip bomb. Nothing of it was kept.</source>
        <translation>%1 öppnades inte: %2 i det blir mer än %3 gånger större uppackat än packat, vilket inget riktigt paket blir; det kan vara en zip-bomb. Inget av det sparades.</translation>
    </message>
    <message>
        <source>%1 is a zip file but not a diagnostics bundle: it has no manifest.json.</source>
        <translation>%1 är en zip-fil men inget diagnostikpaket: det saknar manifest.json.</translation>
    </message>
    <message>
        <source>%1 was made by a newer WorkBoss Desktop (bundle format %2; this version reads up to %3). Update WorkBoss Desktop to open it.</source>
        <translation>%1 skapades av en nyare WorkBoss Desktop (paketformat %2; den här versionen läser upp till %3). Uppdatera WorkBoss Desktop för att öppna det.</translation>
    </message>
    <message>
        <source>%1 holds a cache at schema revision %2, which this version of WorkBoss Desktop does not know. Update WorkBoss Desktop to open it.</source>
        <translation>%1 innehåller en cache med schemarevision %2, som den här versionen av WorkBoss Desktop inte känner till. Uppdatera WorkBoss Desktop för att öppna det.</translation>
    </message>
    <message>
        <source>The cache database in %1 is corrupt (%2). The bundle cannot be opened; ask for a new one.</source>
        <translation>Cachedatabasen i %1 är skadad (%2). Paketet kan inte öppnas; be om ett nytt.</translation>
    </message>
    <message>
        <source>manifest.json is not valid JSON (%1)</source>
        <translation>manifest.json är inte giltig JSON (%1)</translation>
    </message>
    <message>
        <source>manifest.json does not describe a %1 bundle</source>
        <translation>manifest.json beskriver inte ett %1-paket</translation>
    </message>
    <message>
        <source>manifest.json has no whole-number format_version</source>
        <translation>manifest.json saknar format_version som heltal</translation>
    </message>
    <message>
        <source>manifest.json is malformed (%1)</source>
        <translation>manifest.json är felformaterad (%1)</translation>
    </message>
    <message>
        <source>The bundle from %1 has no signed-in technician, so its outbox cannot be replayed as anyone.</source>
        <translation>Paketet från %1 har ingen inloggad tekniker, så dess utkorg kan inte köras om som någon.</translation>
    </message>
    <message>
        <source>it holds an unexpected file, %1</source>
        <translation>det innehåller en oväntad fil, %1</translation>
    </message>
    <message>
        <source>%1 is missing from it</source>
        <translation>%1 saknas i det</translation>
    </message>
    <message>
        <source>%1 in it is encrypted or packed in a way WorkBoss Desktop never writes</source>
        <translation>%1 i det är krypterad eller packad på ett sätt som WorkBoss Desktop aldrig använder</translation>
    </message>
    <message>
        <source>its files claim %1 of packed data, but the zip holds only %2</source>
        <translation>dess filer uppger %1 packade data, men zip-filen rymmer bara %2</translation>
    </message>
    <message>
        <source>%1 holds more than the %2 its zip header declares</source>
        <translation>%1 innehåller mer än de %2 som dess zip-huvud anger</translation>
    </message>
    <message>
        <source>%1 in it is larger than %2</source>
        <translation>%1 i det är större än %2</translation>
    </message>
    <message>
        <source>%1 does not match its checksum</source>
        <translation>%1 stämmer inte med sin kontrollsumma</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>det är ingen SQLite-databas</translation>
    </message>
    <message>
        <source>its database is at revision %1, its manifest says %2</source>
        <translation>databasen har revision %1, manifestet anger %2</translation>
    </message>
    <message>
        <source>a file in it is cut short</source>
        <translation>en fil i det är avkortad</translation>
    </message>
    <message>
        <source>the file is cut short: its zip directory is missing</source>
        <translation>filen är avkortad: zip-katalogen saknas</translation>
    </message>
    <message>
        <source>the link dropped at %1 % of an upload (scheduled)</source>
        <translation>uppkopplingen bröts vid %1 % av en uppladdning (planerat)</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check found: %1</source>
        <translation>SQLites integritetskontroll hittade: %1</translation>
    </message>
    <message>
        <source>the file is missing but its write-ahead log %1 is still there</source>
        <translation>själva filen saknas men dess WAL-logg %1 finns kvar</translation>
    </message>
    <message>
        <source>it is empty: 0 bytes</source>
        <translation>den är tom: 0 byte</translation>
    </message>
    <message>
        <source>it is truncated: only %1 bytes are there</source>
        <translation>den är avkortad: bara %1 byte finns kvar</translation>
    </message>
    <message>
        <source>it is truncated: only %1 of its %2 bytes are there</source>
        <translation>den är avkortad: bara %1 av dess %2 byte finns kvar</translation>
    </message>
    <message>
        <source>SQLite cannot read it: %1</source>
        <translation>SQLite kan inte läsa den: %1</translation>
    </message>
    <message>
        <source>The built-in demo server did not start (%1). Nothing saved on this tablet is lost: start the app again, or start it with --server URL.</source>
        <translation>Den inbyggda demoservern startade inte (%1). Inget som är sparat på surfplattan går förlorat: starta appen igen, eller starta den med --server URL.</translation>
    </message>
    <message>
        <source>The built-in demo server needs the &apos;server&apos; extra of WorkBoss Desktop, and %1 is not installed. Install it with: %2 — or start with --server URL to use another server.</source>
        <translation>Den inbyggda demoservern behöver tillägget ”server” till WorkBoss Desktop, och %1 är inte installerat. Installera det med: %2 – eller starta med --server URL för att använda en annan server.</translation>
    </message>
    <message>
        <source>Something went wrong: %1. Your work is saved on this tablet; the details are in the log for support.</source>
        <translation>Något gick fel: %1. Ditt arbete är sparat på surfplattan; detaljerna finns i loggen för support.</translation>
    </message>
    <message>
        <source>The office&apos;s server did not take the sync (%1). It is tried again by itself; your work is saved on this tablet.</source>
        <translation>Kontorets server tog inte emot synkningen (%1). Den försöker igen av sig själv; ditt arbete är sparat på surfplattan.</translation>
    </message>
    <message>
        <source>Sign in again to sync: the server no longer accepts this tablet&apos;s sign-in. Your work is saved on this tablet.</source>
        <translation>Logga in igen för att synka: servern godtar inte längre surfplattans inloggning. Ditt arbete är sparat på surfplattan.</translation>
    </message>
    <message>
        <source>Sync stopped: %1. Your work is saved on this tablet.</source>
        <translation>Synkningen stoppades: %1. Ditt arbete är sparat på surfplattan.</translation>
    </message>
    <message>
        <source>Changes refused by the server: %1. They stay on this tablet; support can see why.</source>
        <translation>Ändringar som avvisades av servern: %1. De finns kvar på surfplattan; support kan se varför.</translation>
    </message>
    <message>
        <source>%1 is not a sandbox: %2. Choose a folder that opening a bundle made, under sandboxes in the data folder, or the bundle&apos;s .zip.</source>
        <translation>%1 är ingen sandlåda: %2. Välj en mapp som skapades när ett paket öppnades, under sandboxes i datamappen, eller paketets .zip-fil.</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>den finns inte</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>det är ingen mapp</translation>
    </message>
    <message>
        <source>its manifest names the profile %1, but %2 is missing</source>
        <translation>dess manifest anger profilen %1, men %2 saknas</translation>
    </message>
    <message>
        <source>it holds sandboxes; open one of them, such as %1</source>
        <translation>den innehåller sandlådor; öppna en av dem, till exempel %1</translation>
    </message>
    <message>
        <source>it is inside the sandbox %1; open that folder</source>
        <translation>den ligger i sandlådan %1; öppna den mappen</translation>
    </message>
    <message>
        <source>it has no %1, which every sandbox has</source>
        <translation>den saknar %1, som varje sandlåda har</translation>
    </message>
    <message>
        <source>%1 photo on &apos;%2&apos; (%3)</source>
        <translation>%1 foto på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 photos on &apos;%2&apos; (%3)</source>
        <translation>%1 foton på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 signature on &apos;%2&apos; (%3)</source>
        <translation>%1 underskrift på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 signatures on &apos;%2&apos; (%3)</source>
        <translation>%1 underskrifter på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 note on &apos;%2&apos; (%3)</source>
        <translation>%1 anteckning på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 notes on &apos;%2&apos; (%3)</source>
        <translation>%1 anteckningar på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 job change on &apos;%2&apos; (%3)</source>
        <translation>%1 jobbändring på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 job changes on &apos;%2&apos; (%3)</source>
        <translation>%1 jobbändringar på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 customer change on &apos;%2&apos; (%3)</source>
        <translation>%1 kundändring på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 customer changes on &apos;%2&apos; (%3)</source>
        <translation>%1 kundändringar på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 time entry on &apos;%2&apos; (%3)</source>
        <translation>%1 tidregistrering på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 time entries on &apos;%2&apos; (%3)</source>
        <translation>%1 tidregistreringar på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 document on &apos;%2&apos; (%3)</source>
        <translation>%1 dokument på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 documents on &apos;%2&apos; (%3)</source>
        <translation>%1 dokument på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 line item on &apos;%2&apos; (%3)</source>
        <translation>%1 rad på ”%2” (%3)</translation>
    </message>
    <message>
        <source>%1 line items on &apos;%2&apos; (%3)</source>
        <translation>%1 rader på ”%2” (%3)</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>inget svar</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>servern svarade %1</translation>
    </message>
    <message>
        <source>%1 (injected fault %2)</source>
        <translation>%1 (inlagt testfel %2)</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1-ändringar</translation>
    </message>
    <message>
        <source>requests to %1</source>
        <translation>förfrågningar till %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>kl. %1</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>mellan %1 och %2</translation>
    </message>
    <message>
        <source>%1 try</source>
        <translation>%1 försök</translation>
    </message>
    <message>
        <source>%1 tries</source>
        <translation>%1 försök</translation>
    </message>
    <message>
        <source>%1 could not upload: %2 to %3 %4; later requests went through.</source>
        <translation>%1 kunde inte laddas upp: %2 på %3 %4; senare förfrågningar gick igenom.</translation>
    </message>
    <message>
        <source>%1 were refused: %2 to %3 %4; later requests went through.</source>
        <translation>%1 avvisades: %2 på %3 %4; senare förfrågningar gick igenom.</translation>
    </message>
    <message>
        <source>%1 could not upload: %2 to %3 %4.</source>
        <translation>%1 kunde inte laddas upp: %2 på %3 %4.</translation>
    </message>
    <message>
        <source>%1 were refused: %2 to %3 %4.</source>
        <translation>%1 avvisades: %2 på %3 %4.</translation>
    </message>
    <message>
        <source>No change waits in the outbox.</source>
        <translation>Ingen ändring väntar i utkorgen.</translation>
    </message>
    <message>
        <source>%1 of them behind a change not yet accepted</source>
        <translation>%1 av dem bakom en ändring som ännu inte tagits emot</translation>
    </message>
    <message>
        <source>behind nothing</source>
        <translation>bakom ingenting</translation>
    </message>
    <message>
        <source>%1 change waits in the outbox, %2.</source>
        <translation>%1 ändring väntar i utkorgen, %2.</translation>
    </message>
    <message>
        <source>%1 changes wait in the outbox, %2.</source>
        <translation>%1 ändringar väntar i utkorgen, %2.</translation>
    </message>
    <message>
        <source>%1 warning or error</source>
        <translation>%1 varning eller fel</translation>
    </message>
    <message>
        <source>%1 warnings or errors</source>
        <translation>%1 varningar eller fel</translation>
    </message>
    <message>
        <source>The log has %1; the last: %2</source>
        <translation>Loggen har %1; den senaste: %2</translation>
    </message>
    <message>
        <source>The log has %1; the last, at %2: %3</source>
        <translation>Loggen har %1; den senaste, kl. %2: %3</translation>
    </message>
    <message>
        <source>Waiting to upload: %1; the trace shows no refusal of them.</source>
        <translation>Väntar på uppladdning: %1; synkspårningen visar inte att de avvisats.</translation>
    </message>
    <message>
        <source>%1 change refused for good (dead).</source>
        <translation>%1 ändring avvisad för gott (död).</translation>
    </message>
    <message>
        <source>%1 changes refused for good (dead).</source>
        <translation>%1 ändringar avvisade för gott (döda).</translation>
    </message>
    <message>
        <source>Last successful sync %1.</source>
        <translation>Senaste lyckade synkning kl. %1.</translation>
    </message>
    <message>
        <source>The trace holds no successful sync.</source>
        <translation>Synkspårningen har ingen lyckad synkning.</translation>
    </message>
    <message>
        <source>%1 request</source>
        <translation>%1 förfrågan</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 förfrågningar</translation>
    </message>
    <message>
        <source>Offline at %1 (%2 not sent).</source>
        <translation>Offline kl. %1 (%2 skickades inte).</translation>
    </message>
    <message>
        <source>Offline from %1 to %2 (%3 not sent).</source>
        <translation>Offline från %1 till %2 (%3 skickades inte).</translation>
    </message>
    <message>
        <source>The bundle was made at %1 by the tablet&apos;s clock; times are in %2.</source>
        <translation>Paketet skapades kl. %1 enligt surfplattans klocka; tiderna är i %2.</translation>
    </message>
    <message>
        <source>Times are in %1.</source>
        <translation>Tiderna är i %1.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <source>Save draft</source>
        <translation>Spara utkast</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Ångra ändringarna</translation>
    </message>
    <message>
        <source>Convert to invoice</source>
        <translation>Gör om till faktura</translation>
    </message>
    <message>
        <source>Queued to send</source>
        <translation>I kö för att skickas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Open invoice %1</source>
        <translation>Öppna faktura %1</translation>
    </message>
    <message>
        <source>Queued to send: it goes to the office as soon as the tablet is online.</source>
        <translation>I kö för att skickas: den går till kontoret så snart surfplattan är online.</translation>
    </message>
    <message>
        <source>Saved on this tablet.</source>
        <translation>Sparad på surfplattan.</translation>
    </message>
</context>
<context>
    <name>EditorHeader</name>
    <message>
        <source>◀ All documents</source>
        <translation>◀ Alla dokument</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kund:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation>Ny faktura</translation>
    </message>
    <message>
        <source>New estimate</source>
        <translation>Ny offert</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Inte sparad än</translation>
    </message>
    <message>
        <source>Pick a customer…</source>
        <translation>Välj en kund…</translation>
    </message>
    <message>
        <source>Job: %1</source>
        <translation>Jobb: %1</translation>
    </message>
</context>
<context>
    <name>ExportCard</name>
    <message>
        <source>Export this profile</source>
        <translation>Exportera den här profilen</translation>
    </message>
    <message>
        <source>A zip with a copy of the cache, the outbox, the sync trace, the logs and the settings, for support. The saved sign-in is never included.</source>
        <translation>En zip-fil med en kopia av cachen, utkorgen, synkspårningen, loggarna och inställningarna, för supporten. Den sparade inloggningen tas aldrig med.</translation>
    </message>
    <message>
        <source>Leave out customer data (names, phones, emails, addresses, photos)</source>
        <translation>Utelämna kunddata (namn, telefonnummer, e-postadresser, adresser, foton)</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>Exportera paket…</translation>
    </message>
    <message>
        <source>Export diagnostics bundle</source>
        <translation>Exportera diagnostikpaket</translation>
    </message>
    <message>
        <source>Diagnostics bundles (*.zip)</source>
        <translation>Diagnostikpaket (*.zip)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Bundle written to %1 (%2, customer data left out).</source>
        <translation>Paketet skrevs till %1 (%2, utan kunddata).</translation>
    </message>
    <message>
        <source>Bundle written to %1 (%2). It holds customer data and photos.</source>
        <translation>Paketet skrevs till %1 (%2). Det innehåller kunddata och foton.</translation>
    </message>
</context>
<context>
    <name>FaultsCard</name>
    <message>
        <source>Server faults</source>
        <translation>Serverfel</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>ingen gräns</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Route (path prefix)</source>
        <translation>Rutt (sökvägsprefix)</translation>
    </message>
    <message>
        <source>Or op kind (push)</source>
        <translation>Eller ändringstyp (push)</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Sannolikhet</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Latency (latency, hang)</source>
        <translation>Latens (latency, hang)</translation>
    </message>
    <message>
        <source>Retry-After (rate_limit)</source>
        <translation>Retry-After (rate_limit)</translation>
    </message>
    <message>
        <source>Add fault</source>
        <translation>Lägg till fel</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Clear all faults</source>
        <translation>Rensa alla fel</translation>
    </message>
    <message>
        <source>Active server faults</source>
        <translation>Aktiva serverfel</translation>
    </message>
    <message>
        <source>This server&apos;s admin API is not open to the app: start it with --admin-token to set faults from here.</source>
        <translation>Serverns admin-API är inte öppet för appen: starta servern med --admin-token för att ställa in fel härifrån.</translation>
    </message>
    <message>
        <source>A route starts with “/”, for example /v1/push.</source>
        <translation>En rutt börjar med ”/”, till exempel /v1/push.</translation>
    </message>
    <message>
        <source>Fault added.</source>
        <translation>Felet lades till.</translation>
    </message>
    <message>
        <source>Every fault cleared.</source>
        <translation>Alla fel rensades.</translation>
    </message>
    <message>
        <source>No server faults: the server behaves.</source>
        <translation>Inga serverfel: servern fungerar normalt.</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Jobs completed</source>
        <translation>Klara jobb</translation>
    </message>
    <message>
        <source>Your jobs marked complete</source>
        <translation>Dina jobb markerade som klara</translation>
    </message>
    <message>
        <source>Hours logged</source>
        <translation>Registrerade timmar</translation>
    </message>
    <message>
        <source>From the time clock; a running clock counts</source>
        <translation>Från stämpelklockan; en pågående tid räknas med</translation>
    </message>
    <message>
        <source>Amount invoiced</source>
        <translation>Fakturerat belopp</translation>
    </message>
    <message>
        <source>Invoices you sent, including VAT</source>
        <translation>Fakturor du har skickat, inklusive moms</translation>
    </message>
</context>
<context>
    <name>GpsIndicator</name>
    <message>
        <source>GPS paused</source>
        <translation>GPS pausad</translation>
    </message>
    <message>
        <source>Offline: your position is not recorded. It resumes when the connection returns.</source>
        <translation>Offline: din position registreras inte. Det fortsätter när uppkopplingen är tillbaka.</translation>
    </message>
    <message>
        <source>GPS on</source>
        <translation>GPS på</translation>
    </message>
    <message>
        <source>Your position is shared with the office while you are online.</source>
        <translation>Din position delas med kontoret medan du är online.</translation>
    </message>
</context>
<context>
    <name>InboxBridge</name>
    <message>
        <source>Open a job to attach photo %1 from the camera inbox</source>
        <translation>Öppna ett jobb för att bifoga foto %1 från kamerans inkorg</translation>
    </message>
</context>
<context>
    <name>JobForm</name>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Tekniker</translation>
    </message>
    <message>
        <source>Empty: the customer&apos;s address</source>
        <translation>Tomt: kundens adress</translation>
    </message>
    <message>
        <source>Call-out; 1; 450.00
Labour; 1.5; 650; 25</source>
        <translation>Utryckning; 1; 450,00
Arbete; 1,5; 650; 25</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slutar</translation>
    </message>
    <message>
        <source>Line items (optional)</source>
        <translation>Rader (valfritt)</translation>
    </message>
    <message>
        <source>New job</source>
        <translation>Nytt jobb</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>Redigera ”%1”</translation>
    </message>
</context>
<context>
    <name>JobPage</name>
    <message>
        <source>◀ Schedule</source>
        <translation>◀ Schema</translation>
    </message>
    <message>
        <source>The job</source>
        <translation>Jobbet</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Time on this job</source>
        <translation>Tid på jobbet</translation>
    </message>
    <message>
        <source>Customer signature</source>
        <translation>Kundens underskrift</translation>
    </message>
    <message>
        <source>Create invoice</source>
        <translation>Skapa faktura</translation>
    </message>
    <message>
        <source>Create estimate</source>
        <translation>Skapa offert</translation>
    </message>
    <message>
        <source>This job is no longer on your schedule (the office moved it).</source>
        <translation>Jobbet finns inte längre i ditt schema (kontoret har flyttat det).</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Ingen beskrivning.</translation>
    </message>
</context>
<context>
    <name>JobTimeControls</name>
    <message>
        <source>Stop work on this job</source>
        <translation>Stämpla ut från jobbet</translation>
    </message>
    <message>
        <source>Start work on this job</source>
        <translation>Börja arbeta på jobbet</translation>
    </message>
    <message>
        <source>No job selected.</source>
        <translation>Inget jobb valt.</translation>
    </message>
    <message>
        <source>This job is no longer in the local cache.</source>
        <translation>Jobbet finns inte längre i den lokala cachen.</translation>
    </message>
    <message>
        <source>This job was cancelled, so no time can be logged on it.</source>
        <translation>Jobbet är avbokat, så ingen tid kan registreras på det.</translation>
    </message>
    <message>
        <source>This job is complete, so no more time can be logged on it.</source>
        <translation>Jobbet är klart, så ingen mer tid kan registreras på det.</translation>
    </message>
    <message>
        <source>Logged on this job: %1</source>
        <translation>Registrerat på jobbet: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Scheduled</source>
        <translation>Planerat</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>På väg</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Klart</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbokat</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synkad</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Ej synkad</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Endast lokalt</translation>
    </message>
</context>
<context>
    <name>LineInput</name>
    <message>
        <source>Type a number.</source>
        <translation>Skriv ett tal.</translation>
    </message>
    <message>
        <source>A quantity cannot be negative.</source>
        <translation>Ett antal kan inte vara negativt.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>Antalet måste vara större än noll.</translation>
    </message>
    <message numerus="yes">
        <source>A quantity has at most %n decimals.</source>
        <translation>
            <numerusform>Ett antal har högst %n decimal.</numerusform>
            <numerusform>Ett antal har högst %n decimaler.</numerusform>
        </translation>
    </message>
    <message>
        <source>The quantity is too large.</source>
        <translation>Antalet är för stort.</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>Ett pris kan inte vara negativt.</translation>
    </message>
    <message numerus="yes">
        <source>A price has at most %n decimals.</source>
        <translation>
            <numerusform>Ett pris har högst %n decimal.</numerusform>
            <numerusform>Ett pris har högst %n decimaler.</numerusform>
        </translation>
    </message>
    <message>
        <source>The price is too large.</source>
        <translation>Priset är för stort.</translation>
    </message>
    <message>
        <source>VAT is a percentage from 0 to 100.</source>
        <translation>Momsen är en procentsats från 0 till 100.</translation>
    </message>
    <message numerus="yes">
        <source>VAT has at most %n decimals.</source>
        <translation>
            <numerusform>Momsen har högst %n decimal.</numerusform>
            <numerusform>Momsen har högst %n decimaler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Describe the work or part.</source>
        <translation>Beskriv arbetet eller delen.</translation>
    </message>
    <message numerus="yes">
        <source>A description has at most %n characters.</source>
        <translation>
            <numerusform>En beskrivning har högst %n tecken.</numerusform>
            <numerusform>En beskrivning har högst %n tecken.</numerusform>
        </translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>À-pris</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>“%1” is not a number; type digits, like %2.</source>
        <translation>”%1” är inget tal; skriv siffror, som %2.</translation>
    </message>
</context>
<context>
    <name>LineItemsModel</name>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>À-pris</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
</context>
<context>
    <name>LineRow</name>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Work or part</source>
        <translation>Arbete eller del</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>À-pris</translation>
    </message>
    <message>
        <source>VAT rate in percent</source>
        <translation>Momssats i procent</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Ta bort raden</translation>
    </message>
</context>
<context>
    <name>LinesCard</name>
    <message>
        <source>Notes for the customer (optional)</source>
        <translation>Meddelande till kunden (valfritt)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
</context>
<context>
    <name>LinesForm</name>
    <message>
        <source>+ Add line</source>
        <translation>+ Lägg till rad</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>À-pris</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>Moms %</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
</context>
<context>
    <name>LiveRecorder</name>
    <message>
        <source>The custom network profile %1 is written as “%2”: scenarios name only the built-in profiles.</source>
        <translation>Den anpassade nätverksprofilen %1 skrivs som ”%2”: scenarier anger bara de inbyggda profilerna.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Inte inspelat: %1</translation>
    </message>
</context>
<context>
    <name>LogsPanel</name>
    <message>
        <source>Show only the lines that contain…</source>
        <translation>Visa bara raderna som innehåller…</translation>
    </message>
    <message>
        <source>Reading the logs in %1…</source>
        <translation>Läser loggarna i %1…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Läser %1…</translation>
    </message>
    <message>
        <source>No log files in %1</source>
        <translation>Inga loggfiler i %1</translation>
    </message>
    <message>
        <source>%1 of %2 lines of %3</source>
        <translation>%1 av %2 rader i %3</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WorkBoss — %1</source>
        <translation>WorkBoss – %1</translation>
    </message>
    <message>
        <source>Pick a job on the left to see its details.</source>
        <translation>Välj ett jobb till vänster för att se detaljerna.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Time clock</source>
        <translation>Stämpelklocka</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Fakturor</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Arbeta offline</translation>
    </message>
    <message>
        <source>Stop syncing until you turn this off</source>
        <translation>Sluta synka tills du stänger av det här</translation>
    </message>
    <message>
        <source>Sunlight mode</source>
        <translation>Solljusläge</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Sign in again to sync: the server no longer accepts this tablet&apos;s sign-in. Your work is saved here and will sync after you sign in.</source>
        <translation>Logga in igen för att synka: servern godtar inte längre surfplattans inloggning. Ditt arbete är sparat här och synkas när du har loggat in.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Logga in…</translation>
    </message>
    <message>
        <source>Another technician</source>
        <translation>En annan tekniker</translation>
    </message>
    <message>
        <source>This profile belongs to %1; sign in as them.</source>
        <translation>Den här profilen tillhör %1; logga in som den personen.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Mine: %1</source>
        <translation>Min version: %1</translation>
    </message>
    <message>
        <source>Server&apos;s: %1</source>
        <translation>Serverns version: %1</translation>
    </message>
    <message>
        <source>Merge the two versions</source>
        <translation>Slå ihop de två versionerna</translation>
    </message>
    <message>
        <source>Pick a side for each field, or type the value to keep. It is sent to the office.</source>
        <translation>Välj sida för varje fält, eller skriv värdet som ska behållas. Det skickas till kontoret.</translation>
    </message>
    <message>
        <source>Keep this merge</source>
        <translation>Behåll sammanslagningen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>NetworkCard</name>
    <message>
        <source>Network</source>
        <translation>Nätverk</translation>
    </message>
    <message>
        <source>Online / offline switch</source>
        <translation>Växla online/offline</translation>
    </message>
    <message>
        <source>Network profile</source>
        <translation>Nätverksprofil</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Anpassad…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>obegränsad</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latens</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Nedladdning</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Uppladdning</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Paketförlust</translation>
    </message>
    <message>
        <source>Use this profile</source>
        <translation>Använd profilen</translation>
    </message>
    <message>
        <source>Offline — tap to go online</source>
        <translation>Offline – tryck för att gå online</translation>
    </message>
    <message>
        <source>Online — tap to go offline</source>
        <translation>Online – tryck för att gå offline</translation>
    </message>
    <message>
        <source>The jitter (%1 ms) cannot be larger than the latency (%2 ms).</source>
        <translation>Jittret (%1 ms) kan inte vara större än latensen (%2 ms).</translation>
    </message>
    <message>
        <source>set in the console</source>
        <translation>inställd i konsolen</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Write a note for the office…</source>
        <translation>Skriv en anteckning till kontoret…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Lägg till anteckning</translation>
    </message>
</context>
<context>
    <name>NotificationRow</name>
    <message>
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Dismiss: %1</source>
        <translation>Stäng: %1</translation>
    </message>
    <message>
        <source>Camera inbox</source>
        <translation>Kamerans inkorg</translation>
    </message>
    <message>
        <source>Photo import</source>
        <translation>Fotoimport</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkning</translation>
    </message>
    <message>
        <source>App problem</source>
        <translation>Fel i appen</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n times, last at %2</source>
        <translation>
            <numerusform>%1 · %n gång, senast %2</numerusform>
            <numerusform>%1 · %n gånger, senast %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>NotificationsButton</name>
    <message>
        <source>Notifications</source>
        <translation>Aviseringar</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) kept until you dismiss them</source>
        <translation>
            <numerusform>%n meddelande sparas tills du stänger det</numerusform>
            <numerusform>%n meddelanden sparas tills du stänger dem</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n message(s) kept until you dismiss them</source>
        <translation>
            <numerusform>Aviseringar: %n meddelande sparas tills du stänger det</numerusform>
            <numerusform>Aviseringar: %n meddelanden sparas tills du stänger dem</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications: none</source>
        <translation>Aviseringar: inga</translation>
    </message>
</context>
<context>
    <name>NotificationsPanel</name>
    <message>
        <source>Notifications</source>
        <translation>Aviseringar</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Stäng alla</translation>
    </message>
    <message>
        <source>No notifications. Messages stay here until you dismiss them.</source>
        <translation>Inga aviseringar. Meddelanden finns kvar här tills du stänger dem.</translation>
    </message>
</context>
<context>
    <name>OfficeJobsModel</name>
    <message>
        <source>Starts</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slutar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Tekniker</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ej tilldelat</translation>
    </message>
</context>
<context>
    <name>OutagesCard</name>
    <message>
        <source>Scheduled outages</source>
        <translation>Planerade avbrott</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Plan outage</source>
        <translation>Planera avbrott</translation>
    </message>
    <message>
        <source>Offline in</source>
        <translation>Offline om</translation>
    </message>
    <message>
        <source>for</source>
        <translation>i</translation>
    </message>
    <message>
        <source>Planned outages</source>
        <translation>Planerade avbrott</translation>
    </message>
    <message>
        <source>Cancel planned outages</source>
        <translation>Avbryt planerade avbrott</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Drop the link at this point of the next upload</source>
        <translation>Bryt uppkopplingen vid den här punkten i nästa uppladdning</translation>
    </message>
    <message>
        <source>Upload cut at</source>
        <translation>Bryt uppladdning vid</translation>
    </message>
    <message>
        <source>Offline now — back online in %1 s</source>
        <translation>Offline nu – online igen om %1 s</translation>
    </message>
    <message>
        <source>Offline in %1 s for %2 s</source>
        <translation>Offline om %1 s i %2 s</translation>
    </message>
    <message>
        <source>Armed: the link drops when the next upload reaches %1 %.</source>
        <translation>Aktiverat: uppkopplingen bryts när nästa uppladdning når %1 %.</translation>
    </message>
    <message>
        <source>The link dropped at %1 % of an upload. It stays offline until you switch it back on; the upload then resumes where the server stopped.</source>
        <translation>Uppkopplingen bröts vid %1 % av en uppladdning. Den förblir offline tills du slår på den igen; uppladdningen fortsätter sedan där servern slutade.</translation>
    </message>
</context>
<context>
    <name>OutboxOpDetail</name>
    <message>
        <source>Select an op to see its payload.</source>
        <translation>Välj en ändring för att se dess innehåll.</translation>
    </message>
    <message>
        <source>Op %1 · seq %2 · %3</source>
        <translation>Ändring %1 · sekv %2 · %3</translation>
    </message>
    <message>
        <source>%1 %2, based on version %3</source>
        <translation>%1 %2, baserad på version %3</translation>
    </message>
    <message>
        <source>Waits for: %1</source>
        <translation>Väntar på: %1</translation>
    </message>
    <message>
        <source>Held back by refused: %1</source>
        <translation>Hålls tillbaka av avvisade: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Senaste fel: %1</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Försök igen nu</translation>
    </message>
    <message>
        <source>Move back to queue</source>
        <translation>Flytta tillbaka till kön</translation>
    </message>
    <message>
        <source>Why discard? (kept in the log)</source>
        <translation>Varför ta bort? (sparas i loggen)</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Ta bort…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportera…</translation>
    </message>
    <message>
        <source>%1 not yet accepted · %2 refused · %3 held back</source>
        <translation>%1 inte godtagna än · %2 avvisade · %3 tillbakahållna</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) waiting to upload</source>
        <translation>
            <numerusform>%n fil väntar på uppladdning</numerusform>
            <numerusform>%n filer väntar på uppladdning</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the selected ops is waiting in the queue.</source>
        <translation>Ingen av de valda ändringarna väntar i kön.</translation>
    </message>
    <message numerus="yes">
        <source>%n op(s) will be sent now.</source>
        <translation>
            <numerusform>%n ändring skickas nu.</numerusform>
            <numerusform>%n ändringar skickas nu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only refused ops can go back to the queue.</source>
        <translation>Bara avvisade ändringar kan flyttas tillbaka till kön.</translation>
    </message>
    <message numerus="yes">
        <source>%n op(s) back in the queue under a new id; they go with the next sync.</source>
        <translation>
            <numerusform>%n ändring är tillbaka i kön med ett nytt id; den skickas vid nästa synk.</numerusform>
            <numerusform>%n ändringar är tillbaka i kön med nya id; de skickas vid nästa synk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %n change(s) for good?</source>
        <translation>
            <numerusform>Ta bort %n ändring för gott?</numerusform>
            <numerusform>Ta bort %n ändringar för gott?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s) cannot reach the office without them and will be discarded too.</source>
        <translation>
            <numerusform>%n ändring till kan inte nå kontoret utan dem och tas också bort.</numerusform>
            <numerusform>%n ändringar till kan inte nå kontoret utan dem och tas också bort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected op(s) are being sent or were accepted and stay.</source>
        <translation>
            <numerusform>%n vald ändring skickas eller har godtagits och blir kvar.</numerusform>
            <numerusform>%n valda ändringar skickas eller har godtagits och blir kvar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The office will never see them. Each one is logged with the reason.</source>
        <translation>Kontoret kommer aldrig att se dem. Var och en loggas med orsaken.</translation>
    </message>
    <message>
        <source>Select the ops to discard first.</source>
        <translation>Välj först de ändringar som ska tas bort.</translation>
    </message>
    <message>
        <source>Say why these changes are discarded: the log keeps it.</source>
        <translation>Ange varför ändringarna tas bort: loggen sparar det.</translation>
    </message>
    <message>
        <source>None of the selected ops can be discarded: they are being sent or were accepted.</source>
        <translation>Ingen av de valda ändringarna kan tas bort: de skickas eller har godtagits.</translation>
    </message>
    <message numerus="yes">
        <source>Discarded %n op(s); the log keeps what they were and why.</source>
        <translation>
            <numerusform>Kastade %n ändring; loggen sparar vad den var och varför.</numerusform>
            <numerusform>Kastade %n ändringar; loggen sparar vad de var och varför.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Ta bort ändringar</translation>
    </message>
    <message>
        <source>Export the outbox</source>
        <translation>Exportera utkorgen</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n op(s) to %1</source>
        <translation>
            <numerusform>Exporterade %n ändring till %1</numerusform>
            <numerusform>Exporterade %n ändringar till %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The outbox could not be exported: %1</source>
        <translation>Utkorgen kunde inte exporteras: %1</translation>
    </message>
    <message>
        <source>This is a bundle&apos;s outbox: its ops are only shown here, never sent to this console&apos;s server (replay them from the Diagnostics tab)</source>
        <translation>Det här är ett pakets utkorg: ändringarna visas bara här och skickas aldrig till den här konsolens server (kör om dem från fliken Diagnostik)</translation>
    </message>
    <message>
        <source>Held back</source>
        <translation>Tillbakahållen</translation>
    </message>
    <message>
        <source>Not yet accepted</source>
        <translation>Inte godtagna än</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>I kö</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Skickas</translation>
    </message>
    <message>
        <source>Refused (dead)</source>
        <translation>Avvisade (döda)</translation>
    </message>
    <message>
        <source>Held back by a refused op</source>
        <translation>Hålls tillbaka av en avvisad ändring</translation>
    </message>
    <message>
        <source>Everything, accepted ops too</source>
        <translation>Allt, även godtagna</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Godtagen</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Sekv</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Senaste fel</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Nästa försök</translation>
    </message>
    <message>
        <source>after the refused op</source>
        <translation>efter den avvisade ändringen</translation>
    </message>
    <message>
        <source>next sync</source>
        <translation>nästa synk</translation>
    </message>
    <message>
        <source>Waits behind: %1</source>
        <translation>Väntar bakom: %1</translation>
    </message>
</context>
<context>
    <name>PhotoImporter</name>
    <message>
        <source>&apos;%1&apos; is already attached to this job</source>
        <translation>”%1” är redan bifogat till jobbet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is damaged and cannot be shown; copy it from the camera again</source>
        <translation>”%1” är skadat och kan inte visas; kopiera det från kameran igen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be saved on this tablet: %2</source>
        <translation>”%1” kunde inte sparas på surfplattan: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be saved; nothing was changed. Try again.</source>
        <translation>”%1” kunde inte sparas; inget ändrades. Försök igen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be imported</source>
        <translation>”%1” kunde inte importeras</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no longer there; it may have been moved or deleted</source>
        <translation>”%1” finns inte kvar; det kan ha flyttats eller tagits bort</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be read; check that it is not open in another app</source>
        <translation>”%1” kan inte läsas; kontrollera att det inte är öppet i en annan app</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty; copy it from the camera again</source>
        <translation>”%1” är tomt; kopiera det från kameran igen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is larger than %2 MB</source>
        <translation>”%1” är större än %2 MB</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a photo (JPEG, PNG, WebP or HEIC expected)</source>
        <translation>”%1” är inget foto (JPEG, PNG, WebP eller HEIC väntades)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is cut off (truncated); copy it from the camera again</source>
        <translation>”%1” är avkortat; kopiera det från kameran igen</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>Lägg till foton…</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Foton (%1)</translation>
    </message>
    <message>
        <source>No photos yet. Tap “Add photos…” or drop pictures here.</source>
        <translation>Inga foton än. Tryck på ”Lägg till foton…” eller släpp bilder här.</translation>
    </message>
    <message>
        <source>Open a job to see and add its photos.</source>
        <translation>Öppna ett jobb för att se och lägga till dess foton.</translation>
    </message>
    <message>
        <source>Open a job before adding photos.</source>
        <translation>Öppna ett jobb innan du lägger till foton.</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Lägg till foton</translation>
    </message>
    <message>
        <source>Cannot
show</source>
        <translation>Kan inte
visas</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>Lägger till %n foto…</numerusform>
            <numerusform>Lägger till %n foton…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoTile</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <source>! Upload refused</source>
        <translation>! Uppladdning avvisad</translation>
    </message>
    <message>
        <source>✓ Uploaded</source>
        <translation>✓ Uppladdat</translation>
    </message>
    <message>
        <source>↻ Waiting to upload</source>
        <translation>↻ Väntar på uppladdning</translation>
    </message>
    <message>
        <source>↑ Uploading %1 %</source>
        <translation>↑ Laddar upp %1 %</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Föregående</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Nästa ▶</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>Inga foton</translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation>%1 av %2 – %3</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <source>This photo cannot be shown: its file is missing or damaged.</source>
        <translation>Fotot kan inte visas: filen saknas eller är skadad.</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>Details…</source>
        <translation>Detaljer…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Something went wrong: %1. Your work is saved on this tablet and the app carries on; the details are in the log for support.</source>
        <translation>Något gick fel: %1. Ditt arbete är sparat på surfplattan och appen fortsätter; detaljerna finns i loggen för supporten.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Vad som gick fel</translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message>
        <source>Record</source>
        <translation>Inspelning</translation>
    </message>
    <message>
        <source>Recorded session</source>
        <translation>Inspelad session</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>Scenarionamn</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Spela in</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Stoppa</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Spara som…</translation>
    </message>
    <message>
        <source>Not recording.</source>
        <translation>Spelar inte in.</translation>
    </message>
    <message>
        <source>Give the scenario a name first.</source>
        <translation>Ge scenariot ett namn först.</translation>
    </message>
    <message>
        <source>This session cannot be recorded: %1</source>
        <translation>Den här sessionen kan inte spelas in: %1</translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation>Spara scenariot</translation>
    </message>
    <message>
        <source>Scenarios (%1)</source>
        <translation>Scenarier (%1)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan inte skriva %1: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Sparat i %1.</translation>
    </message>
    <message numerus="yes">
        <source>Recording: %n step(s) so far.</source>
        <translation>
            <numerusform>Spelar in: %n steg hittills.</numerusform>
            <numerusform>Spelar in: %n steg hittills.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n step(s). Save them as a scenario file.</source>
        <translation>
            <numerusform>Spelade in %n steg. Spara det som en scenariofil.</numerusform>
            <numerusform>Spelade in %n steg. Spara dem som en scenariofil.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>nyss</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>för %n min sedan</numerusform>
            <numerusform>för %n min sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>för %n h sedan</numerusform>
            <numerusform>för %n h sedan</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>i går %1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Chart</source>
        <translation>Diagram</translation>
    </message>
    <message>
        <source>Worked out on this tablet from its own data, so reports work offline and include changes that have not synced yet.</source>
        <translation>Beräknas på surfplattan från dess egna data, så rapporterna fungerar offline och tar med ändringar som inte har synkats än.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Vecka</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timmar</translation>
    </message>
    <message>
        <source>Jobs completed</source>
        <translation>Klara jobb</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Fakturerat</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>I dag, %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Föregående dag</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Nästa dag</translation>
    </message>
    <message>
        <source>Week %1: %2 – %3</source>
        <translation>Vecka %1: %2 – %3</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Den här veckan</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Föregående vecka</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nästa vecka</translation>
    </message>
    <message>
        <source>Hours logged</source>
        <translation>Registrerade timmar</translation>
    </message>
    <message>
        <source>Amount invoiced (%1)</source>
        <translation>Fakturerat belopp (%1)</translation>
    </message>
    <message>
        <source>Bar chart: %1</source>
        <translation>Stapeldiagram: %1</translation>
    </message>
    <message>
        <source>The chart shows %1 only; amounts in %2 are in the figures above.</source>
        <translation>Diagrammet visar bara %1; belopp i %2 finns i siffrorna ovan.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>v.%1</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>Vecka %1</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>Replay</source>
        <translation>Kör om</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öppna…</translation>
    </message>
    <message>
        <source>No scenario open.</source>
        <translation>Inget scenario öppet.</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variant</translation>
    </message>
    <message>
        <source>Replay against</source>
        <translation>Kör om mot</translation>
    </message>
    <message>
        <source>A fresh demo server (as “scenario run” does)</source>
        <translation>En ny demoserver (som ”scenario run” gör)</translation>
    </message>
    <message>
        <source>This session&apos;s server: %1</source>
        <translation>Sessionens server: %1</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nästa steg</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Kör alla</translation>
    </message>
    <message>
        <source>Stop replay</source>
        <translation>Stoppa omkörningen</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>Öppna ett scenario</translation>
    </message>
    <message>
        <source>Scenarios (%1)</source>
        <translation>Scenarier (%1)</translation>
    </message>
    <message>
        <source>A replay is running; stop it before opening another scenario.</source>
        <translation>En omkörning pågår; stoppa den innan du öppnar ett annat scenario.</translation>
    </message>
    <message>
        <source>%1: must pass</source>
        <translation>%1: ska gå igenom</translation>
    </message>
    <message>
        <source>%1: must fail with “%2”</source>
        <translation>%1: ska misslyckas med ”%2”</translation>
    </message>
    <message>
        <source>%1: must fail</source>
        <translation>%1: ska misslyckas</translation>
    </message>
    <message>
        <source>%1: step %2: %3</source>
        <translation>%1: steg %2: %3</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Starting the replay: signing in and syncing…</source>
        <translation>Startar omkörningen: loggar in och synkar…</translation>
    </message>
    <message>
        <source>Invariants: lost %1 · duplicated %2 · out of order %3 · unaccounted %4</source>
        <translation>Invarianter: förlorade %1 · dubblerade %2 · i fel ordning %3 · oförklarade %4</translation>
    </message>
    <message>
        <source>Passed: every step and every invariant held.</source>
        <translation>Godkänt: alla steg och alla invarianter höll.</translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n step(s) did not do what they say.</source>
        <translation>
            <numerusform>Misslyckades: %n steg gjorde inte vad det anger.</numerusform>
            <numerusform>Misslyckades: %n steg gjorde inte vad de anger.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: every step held, but an invariant broke.</source>
        <translation>Misslyckades: alla steg höll, men en invariant bröts.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (in the tooltip)</source>
        <translation>
            <numerusform>… och %n till (i verktygstipset)</numerusform>
            <numerusform>… och %n till (i verktygstipset)</numerusform>
        </translation>
    </message>
    <message>
        <source>As it must: %1.</source>
        <translation>Som det ska: %1.</translation>
    </message>
    <message>
        <source>Not as it must: %1.</source>
        <translation>Inte som det ska: %1.</translation>
    </message>
    <message>
        <source>The replay could not start: %1</source>
        <translation>Omkörningen kunde inte starta: %1</translation>
    </message>
</context>
<context>
    <name>ScenarioStepsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Steg</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>kör…</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Jobs of the day</source>
        <translation>Dagens jobb</translation>
    </message>
    <message>
        <source>No jobs on this day.</source>
        <translation>Inga jobb den här dagen.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>No settings file at %1</source>
        <translation>Ingen inställningsfil i %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — WorkBoss Desktop</source>
        <translation>Logga in – WorkBoss Desktop</translation>
    </message>
    <message>
        <source>Sign in to %1 to sync your jobs.</source>
        <translation>Logga in på %1 för att synka dina jobb.</translation>
    </message>
    <message>
        <source>name@company.se</source>
        <translation>namn@foretag.se</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Arbeta offline</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation>Skriv din e-postadress och ditt lösenord.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Loggar in…</translation>
    </message>
    <message>
        <source>The email or password is not right. Check them and try again.</source>
        <translation>E-postadressen eller lösenordet stämmer inte. Kontrollera dem och försök igen.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Inloggningen misslyckades: %1</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the connection.</source>
        <translation>Når inte servern på %1. Kontrollera uppkopplingen.</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation>Servern avvisade inloggningen: %1</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <source>Signature area</source>
        <translation>Yta för underskrift</translation>
    </message>
    <message>
        <source>The customer signs here with a finger, the pen or the mouse.</source>
        <translation>Kunden skriver under här med fingret, pennan eller musen.</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Skriv under här</translation>
    </message>
</context>
<context>
    <name>SignatureCard</name>
    <message>
        <source>Collect signature…</source>
        <translation>Ta kundens underskrift…</translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation>Inte underskrivet än.</translation>
    </message>
    <message>
        <source>Signed by %1 at %2</source>
        <translation>Underskrivet av %1 kl. %2</translation>
    </message>
    <message>
        <source>Sign again…</source>
        <translation>Skriv under igen…</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Customer signature</source>
        <translation>Kundens underskrift</translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation>Namnförtydligande</translation>
    </message>
    <message>
        <source>Full name of the person signing</source>
        <translation>Fullständigt namn på den som skriver under</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>The signature was not saved: %1</source>
        <translation>Underskriften sparades inte: %1</translation>
    </message>
    <message>
        <source>Enter the name of the person signing.</source>
        <translation>Skriv namnet på den som skriver under.</translation>
    </message>
    <message>
        <source>The customer has not signed yet.</source>
        <translation>Kunden har inte skrivit under än.</translation>
    </message>
</context>
<context>
    <name>SyncDetailsDialog</name>
    <message>
        <source>Sync details</source>
        <translation>Synkdetaljer</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Uppkoppling</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Väntar på synk</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Avvisat av servern</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>Senaste lyckade synk</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Senaste försök</translation>
    </message>
    <message>
        <source>Sent / received</source>
        <translation>Skickat / mottaget</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldrig</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None yet since the app started</source>
        <translation>Inget än sedan appen startade</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Lyckades</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Avbröts</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>%1 skickade, %2 mottagna</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>Trying to reach the server…</source>
        <translation>Försöker nå servern…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkar…</translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation>Synkar… %1 av %2</translation>
    </message>
    <message>
        <source>Sync error — sign in again</source>
        <translation>Synkfel – logga in igen</translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n avvisad av servern</numerusform>
            <numerusform>%n avvisade av servern</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Synkfel</translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>Allt synkat</translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Inget väntar på synk</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to sync</source>
        <translation>
            <numerusform>%n väntar på synk</numerusform>
            <numerusform>%n väntar på synk</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Aldrig synkad</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Senaste synk %1</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — Work offline is on</source>
        <translation>Offline – Arbeta offline är på</translation>
    </message>
    <message>
        <source>Offline — no network</source>
        <translation>Offline – inget nätverk</translation>
    </message>
    <message>
        <source>Offline — server unreachable</source>
        <translation>Offline – servern går inte att nå</translation>
    </message>
    <message>
        <source>Offline — Wi-Fi login page</source>
        <translation>Offline – inloggningssida för wifi</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>ingen uppkoppling</translation>
    </message>
    <message>
        <source>the server does not answer</source>
        <translation>servern svarar inte</translation>
    </message>
    <message>
        <source>a Wi-Fi login page answered instead of the server</source>
        <translation>en inloggningssida för wifi svarade i stället för servern</translation>
    </message>
    <message>
        <source>the server reported an error</source>
        <translation>servern rapporterade ett fel</translation>
    </message>
    <message>
        <source>the server did not accept the sign-in — sign in again</source>
        <translation>servern godtog inte inloggningen – logga in igen</translation>
    </message>
    <message>
        <source>the sync stopped before it was done</source>
        <translation>synken avbröts innan den var klar</translation>
    </message>
</context>
<context>
    <name>TechniciansPanel</name>
    <message>
        <source>Technicians side by side</source>
        <translation>Tekniker sida vid sida</translation>
    </message>
    <message>
        <source>Open another technician&apos;s window next to this one, signed in to the same server (%1). Each window has its own profile, cache and outbox.</source>
        <translation>Öppna en annan teknikers fönster bredvid det här, inloggat på samma server (%1). Varje fönster har egen profil, cache och utkorg.</translation>
    </message>
    <message>
        <source>Filled in for the demo accounts</source>
        <translation>Ifyllt för demokontona</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Tekniker</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Open their window</source>
        <translation>Öppna teknikerns fönster</translation>
    </message>
    <message>
        <source>Type the technician&apos;s email and password.</source>
        <translation>Skriv teknikerns e-postadress och lösenord.</translation>
    </message>
    <message>
        <source>This window is already signed in as %1.</source>
        <translation>Det här fönstret är redan inloggat som %1.</translation>
    </message>
    <message>
        <source>%1&apos;s window is open on the right.</source>
        <translation>Fönstret för %1 är öppet till höger.</translation>
    </message>
</context>
<context>
    <name>TimeClock</name>
    <message>
        <source>Stopped &apos;%1&apos; at %2</source>
        <translation>Stoppade ”%1” kl. %2</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Jobb</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ut</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synk</translation>
    </message>
    <message>
        <source>running</source>
        <translation>pågår</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>TimeClockPanel</name>
    <message>
        <source>Time clock</source>
        <translation>Stämpelklocka</translation>
    </message>
    <message>
        <source>Clock out for the day</source>
        <translation>Stämpla ut för dagen</translation>
    </message>
    <message>
        <source>Clock in for the day</source>
        <translation>Stämpla in för dagen</translation>
    </message>
    <message>
        <source>Clocked in since %1</source>
        <translation>Instämplad sedan %1</translation>
    </message>
    <message>
        <source>Not clocked in for the day</source>
        <translation>Inte instämplad i dag</translation>
    </message>
    <message>
        <source>Worked today: %1</source>
        <translation>Arbetat i dag: %1</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Sync traffic over the last two minutes</source>
        <translation>Synktrafik de senaste två minuterna</translation>
    </message>
    <message>
        <source>push</source>
        <translation>sändning</translation>
    </message>
    <message>
        <source>pull</source>
        <translation>hämtning</translation>
    </message>
    <message>
        <source>other</source>
        <translation>övrigt</translation>
    </message>
    <message>
        <source>uploads</source>
        <translation>uppladdning</translation>
    </message>
</context>
<context>
    <name>TotalsCard</name>
    <message>
        <source>Subtotal (excl. VAT)</source>
        <translation>Delsumma (exkl. moms)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Lines with mistakes are not counted yet.</source>
        <translation>Rader med fel räknas inte med än.</translation>
    </message>
    <message>
        <source>VAT %1 %</source>
        <translation>Moms %1 %</translation>
    </message>
</context>
<context>
    <name>TracePanel</name>
    <message>
        <source>Filter by route, op id, error, request id or what a row is about</source>
        <translation>Filtrera på rutt, ändrings-id, fel, anrops-id eller vad raden gäller</translation>
    </message>
    <message>
        <source>Any method</source>
        <translation>Alla metoder</translation>
    </message>
    <message>
        <source>Failures only</source>
        <translation>Bara fel</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportera…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Läser %1…</translation>
    </message>
    <message>
        <source>Exported %1 requests to %2</source>
        <translation>Exporterade %1 anrop till %2</translation>
    </message>
    <message>
        <source>Export the sync trace</source>
        <translation>Exportera synkspårningen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan inte skriva %1: %2</translation>
    </message>
    <message>
        <source>%1 requests shown of %2; %3 failed, %4 not sent (offline). The full trace is in %5</source>
        <translation>%1 av %2 anrop visas; %3 misslyckades, %4 skickades inte (offline). Hela spårningen finns i %5</translation>
    </message>
    <message>
        <source>no refusal</source>
        <translation>inget avslag</translation>
    </message>
    <message>
        <source>Request %1 · server said: %2</source>
        <translation>Anrop %1 · servern svarade: %2</translation>
    </message>
    <message>
        <source>the server has no line for it (it never reached this server: a proxy, a portal or the network answered)</source>
        <translation>servern har ingen rad för det (det nådde aldrig servern: en proxy, en inloggningssida eller nätet svarade)</translation>
    </message>
    <message>
        <source>server&apos;s log: %1 %2 → %3 %4 in %5 ms</source>
        <translation>serverns logg: %1 %2 → %3 %4 på %5 ms</translation>
    </message>
</context>
<context>
    <name>TraceTableModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Rutt</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Gäller</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickat</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottaget</translation>
    </message>
    <message>
        <source>Ops</source>
        <translation>Ändringar</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Servern svarade</translation>
    </message>
    <message>
        <source>changes after %1</source>
        <translation>ändringar efter %1</translation>
    </message>
    <message numerus="yes">
        <source>changes after %1: %n received</source>
        <translation>
            <numerusform>ändringar efter %1: %n mottagen</numerusform>
            <numerusform>ändringar efter %1: %n mottagna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n positions</source>
        <translation>
            <numerusform>%n position</numerusform>
            <numerusform>%n positioner</numerusform>
        </translation>
    </message>
</context>
</TS>
