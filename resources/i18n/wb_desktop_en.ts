<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BundleSummaryView</name>
    <message>
        <source>What went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the trace rows behind this line in the sync trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkBoss Desktop %1 (bundle format %2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this app: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;, device %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody was signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: customer data replaced by placeholders, photos left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: it holds customer data and photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n op(s) refused by the server (dead):</source>
        <translation>
            <numerusform>%n op refused by the server (dead):</numerusform>
            <numerusform>%n ops refused by the server (dead):</numerusform>
        </translation>
    </message>
    <message>
        <source>No op was refused by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) this tablet had not uploaded:</source>
        <translation>
            <numerusform>%n attachment this tablet had not uploaded:</numerusform>
            <numerusform>%n attachments this tablet had not uploaded:</numerusform>
        </translation>
    </message>
    <message>
        <source>No photo or signature waits to upload on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the server has was not asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle held no work the server lacked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 of %2 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server now has: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n log file(s), %1 KiB</source>
        <translation>
            <numerusform>%n log file, %1 KiB</numerusform>
            <numerusform>%n log files, %1 KiB</numerusform>
        </translation>
    </message>
    <message>
        <source>no log files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n trace file(s)</source>
        <translation>
            <numerusform>%n trace file</numerusform>
            <numerusform>%n trace files</numerusform>
        </translation>
    </message>
    <message>
        <source>no trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelConfirmation</name>
    <message>
        <source>Yes, cancel the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardPaymentPanel</name>
    <message>
        <source>Card payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the card payment again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the card payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card number has only digits (spaces are fine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card number has %1 to %2 digits; this one has %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charging… %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved — paid by card ending %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card payments need a connection, and this tablet is offline. Send the invoice by email once you are back in range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the invoice first: a card payment is taken on the final amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the card service yet — it may still go through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved — paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined: %1. Try another card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClockControls</name>
    <message>
        <source>Virtual clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes to jump ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device clock skew in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device clock skew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app runs on the real clock, so time cannot be moved here. The app builds the console on a virtual clock to allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device time %1 · jumped %2 · skew %3 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) with open conflicts</source>
        <translation>
            <numerusform>%n record with open conflicts</numerusform>
            <numerusform>%n records with open conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>A bundle&apos;s conflicts are only shown: the technician decides them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record in conflict first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open conflicts in this cache; those settled by policy are in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3): the server&apos;s value won; decide which version to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided. The cache already holds that version; nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided: %1. It goes to the office with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled by policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open: the server&apos;s value for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled by policy: the last change to arrive won (two devices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine (lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now in the cache</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBadge</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsolePanels</name>
    <message>
        <source>Connectivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Support console — %1 in %2 — WorkBoss Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 · server %2 · admin API %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabs with the amber mark show the bundle, read-only; the others still show the live profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the live profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support console — bundle %3 — %1 in %2 — WorkBoss Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the bundle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the sandbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the sandbox %1, unpacked from the bundle %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician %1 · device %2 · made %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the bundle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConvergencePane</name>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerCounts</name>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open document(s)</source>
        <translation>
            <numerusform>%n open document</numerusform>
            <numerusform>%n open documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDetailPane</name>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs for this customer on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices and estimates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invoices or estimates yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes both sides made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office owns the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office changed the %1 too; theirs was kept: “%2” (yours: “%3”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office changed the %1 too; yours was kept: “%3” (theirs: “%2”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: your change (%2) was kept; the office&apos;s (%3) was replaced at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the office&apos;s change (%2) was kept; yours (%3) was replaced at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a merge of your change and the office&apos;s was kept at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDocumentsModel</name>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office owns the address. Your change is sent to the office; if the office changed it too, the office&apos;s address is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerJobsModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerTexts</name>
    <message>
        <source>A customer needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an email address (like name@example.se)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a phone number: use digits, +, spaces and -</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, address or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a customer to see their details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customers on this tablet yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search both sides…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check convergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tablet&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bundle&apos;s records: the office&apos;s side is this console&apos;s server, not the tablet&apos;s, so it is not shown or compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server&apos;s admin API is not open to the app, so the office&apos;s side cannot be shown: start the server with --admin-token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No technician is signed in on this tablet yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>The first %1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office has no outbox: these ops wait here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shown for a bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n differences</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Converged: the tablet and the office agree on %n records</source>
        <translation>
            <numerusform>Converged: the tablet and the office agree on %n record</numerusform>
            <numerusform>Converged: the tablet and the office agree on %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting to sync: changes in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not pulled yet: the office has a newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer this technician&apos;s at the office; the next pull drops it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the server: see the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: waiting for a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexplained: nothing waiting to sync explains it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: each is explained by a change not yet synced; none needs a look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 explained by changes not yet synced, %3 need a look.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayNavigator</name>
    <message>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <source>This device — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs, %2 customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support console…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For support and QA: the network, the outbox, the sync trace, scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <source>Diagnostics bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a bundle from a tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It opens in a sandbox of its own under %1; this profile is not touched. A sandbox opened before can be opened again from its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bundle unpacked earlier, here or by &apos;wb-desktop diagnostics open&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay outbox against this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One .wbrepro file: the work as in the field with the faults found (it must fail the same way) and the fixed variant (it must pass), with the photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replays as the bundle&apos;s technician against %1, with the same device and sequence numbers: ops the server already has come back as duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay needs the server&apos;s admin API, which this app cannot use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it in Scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open diagnostics bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics bundles (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a sandbox folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1: %2 applied, %3 duplicates, %4 conflicts, %5 refused. Still waiting: %6; dead: %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last attempt failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bundle was redacted: the server got placeholders, not customer data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repro, field and fixed (*.wbrepro);;One scenario, YAML (*.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File in bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No refusal in the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No (left out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly uploaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatcherPanel</name>
    <message>
        <source>Show the jobs of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server&apos;s admin API is not open to the app: start it with --admin-token to dispatch jobs from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed: there is nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel “%1”? The technician&apos;s tablet hears it with its next pull.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is already %1&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job is already unassigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job reassigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a change from another of your devices was replaced by this one&apos;s at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this device&apos;s change was replaced by another of your devices&apos; at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the customer this invoice is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the customer this estimate is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invoice needs at least one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An estimate needs at least one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked lines before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 made from estimate %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate %2 already became invoice %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentLabels</name>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentListView</name>
    <message>
        <source>Invoices and estimates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by customer or reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invoices or estimates yet. Make one from a job or with New invoice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>A technician cannot move a job from &apos;%1&apos; to &apos;%2&apos;. Allowed next: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An office cannot move a job from &apos;%1&apos; to &apos;%2&apos;. Allowed next: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en_route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in_progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (the job is closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 cannot move a job from &apos;%2&apos; to &apos;%3&apos;. Allowed next: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 with id %2 in the local cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage full: %1 of %2 used and this needs %3 more. Nothing was saved. Sync and free space (synced photos can be removed from the device) or ask support to raise the quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tablet&apos;s storage is full, so this was not saved; nothing already saved is lost. Free some space on the tablet (synced photos can be removed from it) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 × %3 pixels; photos up to %4 megapixels are accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is larger than %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a photo (JPEG, PNG, WebP or HEIC expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rendered signature must be a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a supported currency (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be given as text or a whole number, not a float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number (use digits and a point, like 1250.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has too many decimals (at most %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is negative; amounts must be 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large (limit %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a percentage from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line needs a description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an invoice or estimate needs at least one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected text, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a date and time, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no time zone; convert camera (EXIF) local times before saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a customer field (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a phone number (digits, +, spaces, -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a note cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a note is at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of strokes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 strokes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected [x, y, pressure 0..1, time ms]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 points in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature is empty; ask the customer to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a job status (expected one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pick the customer the invoice or estimate is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already an invoice; only an estimate can be converted into one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not invoice or estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job belongs to another customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is queued and can no longer be edited; make a new one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has been sent and can no longer be edited; make a new one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card payments need a connection, and this tablet is offline. Send the invoice by email once you are back in range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invoice has not reached the office yet; sync, then take the payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an invoice can be paid by card, not an estimate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invoice is already paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from the payment service; try again — the card will not be charged twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment service gave an answer this app does not understand. Try again — the card will not be charged twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync has not started yet; try the payment again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a %1 id, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot clock in on job &apos;%1&apos;: it is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot clock in on job &apos;%1&apos;: it is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot clock in on job &apos;%1&apos;: it is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already clocked in %1 since %2; clock out of it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a job or the day to clock out of, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clock-out time is before the clock-in time; check the device clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clocked in for the day, so there is nothing to clock out of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clocked in, so there is nothing to clock out of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clocked in on &apos;%1&apos;, so there is nothing to clock out of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clocked in on &apos;%1&apos;: the open job entry is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage %1% full (%2 of %3). Sync soon; new photos are refused at 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — simulated network profile &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — the server does not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — a Wi-Fi login page answered instead of the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change was refused by the server — see details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes were refused by the server — see details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WorkBoss Desktop is already open with profile &apos;%1&apos;. Switch to that window, or start with another profile (--profile NAME).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in demo server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; is signed in to %2, not %3. Start with that server again, or use another profile (--profile NAME) for this one; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile belongs to %1; %2 needs a profile of their own (--profile NAME). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be a profile name: use 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings error: %1: %2. Fix or remove the file (defaults are used when it is missing); it was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of MB, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2 MB, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must hold a JSON object ({...})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a WorkBoss cache database (%2). It was left untouched. Move it aside (or restore a copy from the backups folder next to it) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a WorkBoss cache database. It was left untouched. Move it aside (or restore a copy from the backups folder next to it) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in use by another program (is WorkBoss Desktop already open with this profile?). Close the other window or program and try again; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer WorkBoss Desktop (schema revision %2), which this version does not know. Update WorkBoss Desktop; the file was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading %1 failed: %2. The database was rolled back. A backup taken just before is at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading %1 failed: %2. The database was rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2), so it was not opened; it was left untouched. The newest good backup is %3. To put it back (the damaged file is kept beside it), close WorkBoss Desktop and run: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (%2), so it was not opened; it was left untouched. There is no good backup of it in %3. Keep the file for support; to start again with an empty cache, move it aside (changes not yet synced stay only in that file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache migrations are missing from this installation of WorkBoss Desktop. Reinstall it (pip install --force-reinstall wb-desktop); no data was touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds other tables (%1) but no cache schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken references found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server speaks protocol %1; this app speaks %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the push reply does not answer the ops that were sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network answered with a web page instead of the server (a Wi-Fi login page?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is not JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is not valid JSON (truncated?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply&apos;s &apos;%1&apos; is not usable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pull stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pull stopped at unusable server data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file of %1 %2 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the downloaded file %1… is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pull stopped: cannot save a file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline (simulated network profile &apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting timed out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply in time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file on this device is damaged (its hash changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error: cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These conflicts are already resolved or no longer exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of a %2 cannot be changed on this device; keep the server&apos;s value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change was discarded by support and never sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is over %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is over %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is over %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the customer the job is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job must end after it starts (it starts at %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write it as “description; quantity; unit price; VAT %”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the description is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT is at most 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 line items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%2” is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%2” is too small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%2” has more than %3 decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line item %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The diagnostics bundle could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no cache database at %1, so there is nothing to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a diagnostics bundle: it is not a zip file. Ask for the .zip that &apos;Export bundle&apos; wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete (%2). Ask for the bundle again; a download or mail attachment may have been cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not opened: it unpacks to more than %2, the most a bundle may unpack to. Nothing of it was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not opened: %2 in it unpacks to more than %3 times its packed size, which no real bundle does; it may be a zip bomb. Nothing of it was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a zip file but not a diagnostics bundle: it has no manifest.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was made by a newer WorkBoss Desktop (bundle format %2; this version reads up to %3). Update WorkBoss Desktop to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a cache at schema revision %2, which this version of WorkBoss Desktop does not know. Update WorkBoss Desktop to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache database in %1 is corrupt (%2). The bundle cannot be opened; ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest.json is not valid JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest.json does not describe a %1 bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest.json has no whole-number format_version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest.json is malformed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle from %1 has no signed-in technician, so its outbox cannot be replayed as anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds an unexpected file, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in it is encrypted or packed in a way WorkBoss Desktop never writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its files claim %1 of packed data, but the zip holds only %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds more than the %2 its zip header declares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in it is larger than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not match its checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its database is at revision %1, its manifest says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file in it is cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is cut short: its zip directory is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the link dropped at %1 % of an upload (scheduled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is missing but its write-ahead log %1 is still there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty: 0 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is truncated: only %1 bytes are there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is truncated: only %1 of its %2 bytes are there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite cannot read it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in demo server did not start (%1). Nothing saved on this tablet is lost: start the app again, or start it with --server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in demo server needs the &apos;server&apos; extra of WorkBoss Desktop, and %1 is not installed. Install it with: %2 — or start with --server URL to use another server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1. Your work is saved on this tablet; the details are in the log for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s server did not take the sync (%1). It is tried again by itself; your work is saved on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to sync: the server no longer accepts this tablet&apos;s sign-in. Your work is saved on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: %1. Your work is saved on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes refused by the server: %1. They stay on this tablet; support can see why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a sandbox: %2. Choose a folder that opening a bundle made, under sandboxes in the data folder, or the bundle&apos;s .zip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its manifest names the profile %1, but %2 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds sandboxes; open one of them, such as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is inside the sandbox %1; open that folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no %1, which every sandbox has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 photo on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 photos on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signature on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signatures on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 note on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 notes on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 job change on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 job changes on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customer change on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customer changes on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 time entry on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 time entries on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 document on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 documents on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line item on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line items on &apos;%2&apos; (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (injected fault %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not upload: %2 to %3 %4; later requests went through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 were refused: %2 to %3 %4; later requests went through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not upload: %2 to %3 %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 were refused: %2 to %3 %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change waits in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of them behind a change not yet accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>behind nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 change waits in the outbox, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes wait in the outbox, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warning or error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warnings or errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log has %1; the last: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log has %1; the last, at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to upload: %1; the trace shows no refusal of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 change refused for good (dead).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes refused for good (dead).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trace holds no successful sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline at %1 (%2 not sent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline from %1 to %2 (%3 not sent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle was made at %1 by the tablet&apos;s clock; times are in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert to invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open invoice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to send: it goes to the office as soon as the tablet is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this tablet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorHeader</name>
    <message>
        <source>◀ All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCard</name>
    <message>
        <source>Export this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A zip with a copy of the cache, the outbox, the sync trace, the logs and the settings, for support. The saved sign-in is never included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out customer data (names, phones, emails, addresses, photos)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export diagnostics bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics bundles (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle written to %1 (%2, customer data left out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle written to %1 (%2). It holds customer data and photos.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaultsCard</name>
    <message>
        <source>Server faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route (path prefix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or op kind (push)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (latency, hang)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry-After (rate_limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active server faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server&apos;s admin API is not open to the app: start it with --admin-token to set faults from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A route starts with “/”, for example /v1/push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every fault cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server faults: the server behaves.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Jobs completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your jobs marked complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the time clock; a running clock counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices you sent, including VAT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GpsIndicator</name>
    <message>
        <source>GPS paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: your position is not recorded. It resumes when the connection returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your position is shared with the office while you are online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxBridge</name>
    <message>
        <source>Open a job to attach photo %1 from the camera inbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobForm</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the customer&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call-out; 1; 450.00
Labour; 1.5; 650; 25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line items (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobPage</name>
    <message>
        <source>◀ Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time on this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job is no longer on your schedule (the office moved it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobTimeControls</name>
    <message>
        <source>Stop work on this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start work on this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job is no longer in the local cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job was cancelled, so no time can be logged on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This job is complete, so no more time can be logged on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged on this job: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineInput</name>
    <message>
        <source>Type a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quantity cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A quantity has at most %n decimals.</source>
        <translation>
            <numerusform>A quantity has at most %n decimal.</numerusform>
            <numerusform>A quantity has at most %n decimals.</numerusform>
        </translation>
    </message>
    <message>
        <source>The quantity is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A price has at most %n decimals.</source>
        <translation>
            <numerusform>A price has at most %n decimal.</numerusform>
            <numerusform>A price has at most %n decimals.</numerusform>
        </translation>
    </message>
    <message>
        <source>The price is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT is a percentage from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>VAT has at most %n decimals.</source>
        <translation>
            <numerusform>VAT has at most %n decimal.</numerusform>
            <numerusform>VAT has at most %n decimals.</numerusform>
        </translation>
    </message>
    <message>
        <source>Describe the work or part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A description has at most %n characters.</source>
        <translation>
            <numerusform>A description has at most %n character.</numerusform>
            <numerusform>A description has at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number; type digits, like %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineItemsModel</name>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineRow</name>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work or part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT rate in percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesCard</name>
    <message>
        <source>Notes for the customer (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesForm</name>
    <message>
        <source>+ Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveRecorder</name>
    <message>
        <source>The custom network profile %1 is written as “%2”: scenarios name only the built-in profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogsPanel</name>
    <message>
        <source>Show only the lines that contain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the logs in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No log files in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lines of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WorkBoss — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a job on the left to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop syncing until you turn this off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunlight mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to sync: the server no longer accepts this tablet&apos;s sign-in. Your work is saved here and will sync after you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile belongs to %1; sign in as them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Mine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server&apos;s: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a side for each field, or type the value to keep. It is sent to the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkCard</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online / offline switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — tap to go online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online — tap to go offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The jitter (%1 ms) cannot be larger than the latency (%2 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set in the console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Write a note for the office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationRow</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n times, last at %2</source>
        <translation>
            <numerusform>%1 · %n time, last at %2</numerusform>
            <numerusform>%1 · %n times, last at %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsButton</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) kept until you dismiss them</source>
        <translation>
            <numerusform>%n message kept until you dismiss it</numerusform>
            <numerusform>%n messages kept until you dismiss them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n message(s) kept until you dismiss them</source>
        <translation>
            <numerusform>Notifications: %n message kept until you dismiss it</numerusform>
            <numerusform>Notifications: %n messages kept until you dismiss them</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications: none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPanel</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications. Messages stay here until you dismiss them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeJobsModel</name>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutagesCard</name>
    <message>
        <source>Scheduled outages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned outages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel planned outages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the link at this point of the next upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload cut at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline now — back online in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline in %1 s for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Armed: the link drops when the next upload reaches %1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link dropped at %1 % of an upload. It stays offline until you switch it back on; the upload then resumes where the server stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxOpDetail</name>
    <message>
        <source>Select an op to see its payload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op %1 · seq %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, based on version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held back by refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move back to queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why discard? (kept in the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not yet accepted · %2 refused · %3 held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) waiting to upload</source>
        <translation>
            <numerusform>%n file waiting to upload</numerusform>
            <numerusform>%n files waiting to upload</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the selected ops is waiting in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n op(s) will be sent now.</source>
        <translation>
            <numerusform>%n op will be sent now.</numerusform>
            <numerusform>%n ops will be sent now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only refused ops can go back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n op(s) back in the queue under a new id; they go with the next sync.</source>
        <translation>
            <numerusform>%n op back in the queue under a new id; it goes with the next sync.</numerusform>
            <numerusform>%n ops back in the queue under new ids; they go with the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %n change(s) for good?</source>
        <translation>
            <numerusform>Discard %n change for good?</numerusform>
            <numerusform>Discard %n changes for good?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s) cannot reach the office without them and will be discarded too.</source>
        <translation>
            <numerusform>%n more change cannot reach the office without them and will be discarded too.</numerusform>
            <numerusform>%n more changes cannot reach the office without them and will be discarded too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected op(s) are being sent or were accepted and stay.</source>
        <translation>
            <numerusform>%n selected op is being sent or was accepted and stays.</numerusform>
            <numerusform>%n selected ops are being sent or were accepted and stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>The office will never see them. Each one is logged with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the ops to discard first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why these changes are discarded: the log keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the selected ops can be discarded: they are being sent or were accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Discarded %n op(s); the log keeps what they were and why.</source>
        <translation>
            <numerusform>Discarded %n op; the log keeps what it was and why.</numerusform>
            <numerusform>Discarded %n ops; the log keeps what they were and why.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n op(s) to %1</source>
        <translation>
            <numerusform>Exported %n op to %1</numerusform>
            <numerusform>Exported %n ops to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The outbox could not be exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a bundle&apos;s outbox: its ops are only shown here, never sent to this console&apos;s server (replay them from the Diagnostics tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused (dead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held back by a refused op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything, accepted ops too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the refused op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits behind: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoImporter</name>
    <message>
        <source>&apos;%1&apos; is already attached to this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is damaged and cannot be shown; copy it from the camera again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be saved on this tablet: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be saved; nothing was changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; could not be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no longer there; it may have been moved or deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be read; check that it is not open in another app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is empty; copy it from the camera again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is larger than %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a photo (JPEG, PNG, WebP or HEIC expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is cut off (truncated); copy it from the camera again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos yet. Tap “Add photos…” or drop pictures here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a job to see and add its photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a job before adding photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot
show</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>Adding %n photo…</numerusform>
            <numerusform>Adding %n photos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoTile</name>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>! Upload refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↻ Waiting to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ Uploading %1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This photo cannot be shown: its file is missing or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: %1. Your work is saved on this tablet and the app carries on; the details are in the log for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the scenario a name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session cannot be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recording: %n step(s) so far.</source>
        <translation>
            <numerusform>Recording: %n step so far.</numerusform>
            <numerusform>Recording: %n steps so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n step(s). Save them as a scenario file.</source>
        <translation>
            <numerusform>Recorded %n step. Save it as a scenario file.</numerusform>
            <numerusform>Recorded %n steps. Save them as a scenario file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked out on this tablet from its own data, so reports work offline and include changes that have not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week %1: %2 – %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount invoiced (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bar chart: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart shows %1 only; amounts in %2 are in the figures above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scenario open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fresh demo server (as “scenario run” does)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session&apos;s server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A replay is running; stop it before opening another scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must fail with “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: step %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the replay: signing in and syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invariants: lost %1 · duplicated %2 · out of order %3 · unaccounted %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed: every step and every invariant held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n step(s) did not do what they say.</source>
        <translation>
            <numerusform>Failed: %n step did not do what it says.</numerusform>
            <numerusform>Failed: %n steps did not do what they say.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: every step held, but an invariant broke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (in the tooltip)</source>
        <translation>
            <numerusform>… and %n more (in the tooltip)</numerusform>
            <numerusform>… and %n more (in the tooltip)</numerusform>
        </translation>
    </message>
    <message>
        <source>As it must: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not as it must: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioStepsModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Jobs of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs on this day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>No settings file at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — WorkBoss Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 to sync your jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@company.se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email or password is not right. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <source>Signature area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer signs here with a finger, the pen or the mouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureCard</name>
    <message>
        <source>Collect signature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Customer signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name of the person signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the person signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has not signed yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDetailsDialog</name>
    <message>
        <source>Sync details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent / received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet since the app started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent, %2 received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying to reach the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error — sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n refused by the server</numerusform>
            <numerusform>%n refused by the server</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to sync</source>
        <translation>
            <numerusform>%n waiting to sync</numerusform>
            <numerusform>%n waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — Work offline is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — server unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — Wi-Fi login page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Wi-Fi login page answered instead of the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not accept the sign-in — sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync stopped before it was done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TechniciansPanel</name>
    <message>
        <source>Technicians side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another technician&apos;s window next to this one, signed in to the same server (%1). Each window has its own profile, cache and outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in for the demo accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open their window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the technician&apos;s email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window is already signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s window is open on the right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeClock</name>
    <message>
        <source>Stopped &apos;%1&apos; at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeClockPanel</name>
    <message>
        <source>Time clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock out for the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock in for the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocked in since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not clocked in for the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked today: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Sync traffic over the last two minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uploads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsCard</name>
    <message>
        <source>Subtotal (excl. VAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines with mistakes are not counted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT %1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TracePanel</name>
    <message>
        <source>Filter by route, op id, error, request id or what a row is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 requests to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the sync trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests shown of %2; %3 failed, %4 not sent (offline). The full trace is in %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1 · server said: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server has no line for it (it never reached this server: a proxy, a portal or the network answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server&apos;s log: %1 %2 → %3 %4 in %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraceTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changes after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>changes after %1: %n received</source>
        <translation>
            <numerusform>changes after %1: %n received</numerusform>
            <numerusform>changes after %1: %n received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n positions</source>
        <translation>
            <numerusform>%n position</numerusform>
            <numerusform>%n positions</numerusform>
        </translation>
    </message>
</context>
</TS>
