<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../../shared/backup.py" line="+71"/>
        <source>The database {path} is in use by Callsheet or callsheet-api; close them first.</source>
        <translation>Die Datenbank {path} wird von Callsheet oder callsheet-api benutzt; schließen Sie diese zuerst.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database {path} is being restored; start again when the restore is done.</source>
        <translation>Die Datenbank {path} wird gerade wiederhergestellt; starten Sie neu, wenn das fertig ist.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{what} is not a readable SQLite database ({e}).</source>
        <translation>{what} ist keine lesbare SQLite-Datenbank ({e}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} is damaged: {problems}.</source>
        <translation>{what} ist beschädigt: {problems}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is not a Callsheet database.</source>
        <translation>{what} ist keine Callsheet-Datenbank.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what} was written by a newer Callsheet (schema {version}, this one understands {schema_version}); update Callsheet first.</source>
        <translation>{what} stammt von einem neueren Callsheet (Schema {version}, dieses versteht {schema_version}); aktualisieren Sie Callsheet zuerst.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The copy {path}</source>
        <translation>Die Kopie {path}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is no database at {path}.</source>
        <translation>Unter {path} gibt es keine Datenbank.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup cannot overwrite the database it copies.</source>
        <translation>Die Sicherung kann nicht die Datenbank überschreiben, die sie kopiert.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The database {db_path} is open in another program; close it first.</source>
        <translation>Die Datenbank {db_path} ist in einem anderen Programm geöffnet; schließen Sie es zuerst.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database {db_path} is open in another program (process {processes}); close it first.</source>
        <translation>Die Datenbank {db_path} ist in einem anderen Programm geöffnet (Prozess {processes}); schließen Sie es zuerst.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>There is no backup at {source}.</source>
        <translation>Unter {source} gibt es keine Sicherung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup and the database are the same file.</source>
        <translation>Sicherung und Datenbank sind dieselbe Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The backup {path}</source>
        <translation>Die Sicherung {path}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The number of daily backups to keep must be 0 or more, got {keep}.</source>
        <translation>Die Zahl der aufzubewahrenden täglichen Sicherungen muss 0 oder mehr sein, nicht {keep}.</translation>
    </message>
    <message>
        <location filename="../../shared/call_summary.py" line="+20"/>
        <location filename="../../shared/timeline.py" line="+64"/>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to the agent</source>
        <translation>Dem Agenten zugeteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hung up</source>
        <translation>Aufgelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up finished</source>
        <translation>Nachbearbeitung beendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../shared/timeline.py" line="-39"/>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+107"/>
        <source>Attempts</source>
        <translation>Zustellversuche</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+114"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Callbacks requested</source>
        <translation>Gewünschte Rückrufe</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{min} min {s:02d} s</source>
        <translation>{min} min {s:02d} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} h {min:02d} min</source>
        <translation>{h} h {min:02d} min</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{at:%a %d %b %Y, %H:%M:%S}</source>
        <translation>{at:%d.%m.%Y, %H:%M:%S}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not sent</source>
        <translation>nicht übermittelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no keys pressed</source>
        <translation>keine Tasten gedrückt</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../shared/timeline.py" line="+36"/>
        <source>Inbound call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../shared/timeline.py" line="+0"/>
        <source>Outbound call</source>
        <translation>Ausgehender Anruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/timeline.py" line="+1"/>
        <source>Campaign call</source>
        <translation>Kampagnenanruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind} — not answered</source>
        <translation>{kind} – nicht angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>anonymous (no number sent)</source>
        <translation>anonym (keine Nummer übermittelt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none (nobody took it)</source>
        <translation>keiner (niemand hat angenommen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}, task {task}…</source>
        <translation>{source}, Aufgabe {task}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to {type} {id}</source>
        <translation>an {type} {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not transferred</source>
        <translation>nicht weitergeleitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IVR keys (DTMF)</source>
        <translation>IVR-Tasten (DTMF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../shared/timeline.py" line="-37"/>
        <location line="+109"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../shared/timeline.py" line="-108"/>
        <source>Do-not-call</source>
        <translation>Nicht anrufen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the agent flagged the contact do-not-call</source>
        <translation>der Agent hat den Kontakt auf „Nicht anrufen“ gesetzt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{at}  (+{span})</source>
        <translation>{at}  (+{span})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Talk time</source>
        <translation>Gesprächsdauer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>offered {at}, for {span}</source>
        <translation>angeboten {at}, für {span}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offered {at}</source>
        <translation>angeboten {at}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for {span}</source>
        <translation>für {span}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{i}. {agent}</source>
        <translation>{i}. {agent}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown agent</source>
        <translation>unbekannter Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none before this agent</source>
        <translation>keine vor diesem Agenten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{at:%a %d %b %Y, %H:%M}</source>
        <translation>{at:%d.%m.%Y, %H:%M}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{when} — {note}</source>
        <translation>{when} – {note}</translation>
    </message>
    <message>
        <location filename="../../shared/calling_hours.py" line="+41"/>
        <source>{field} must be a time like 08:00, got {value!r}.</source>
        <translation>{field} muss eine Uhrzeit wie 08:00 sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../shared/storage/campaigns.py" line="+48"/>
        <source>No campaign with id {campaign_id!r}.</source>
        <translation>Keine Kampagne mit der ID {campaign_id!r}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calling hours must not start and end at the same time.</source>
        <translation>Anrufzeiten dürfen nicht zur selben Uhrzeit beginnen und enden.</translation>
    </message>
    <message>
        <location filename="../../shared/consent.py" line="+28"/>
        <source>Phone advertising</source>
        <translation>Telefonwerbung</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>No consent record with id {consent_id!r}.</source>
        <translation>Keine Einwilligung mit der ID {consent_id!r}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Say how the consent was given (form, call recording, e-mail ...): without it there is no proof.</source>
        <translation>Geben Sie an, wie die Einwilligung erteilt wurde (Formular, Gesprächsaufzeichnung, E-Mail …): ohne das gibt es keinen Nachweis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown consent kind {kind!r}.</source>
        <translation>Unbekannte Art der Einwilligung {kind!r}.</translation>
    </message>
    <message>
        <location filename="../../shared/countries.py" line="+54"/>
        <source>{field} must be an ISO 3166-1 alpha-2 country code like DE or AT, got {value!r}.</source>
        <translation>{field} muss ein Ländercode nach ISO 3166-1 alpha-2 wie DE oder AT sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location filename="../../shared/csv_import.py" line="+72"/>
        <source>Address (street)</source>
        <translation>Adresse (Straße)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Company phone</source>
        <translation>Telefon der Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company phone 2</source>
        <translation>Telefon 2 der Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company e-mail</source>
        <translation>E-Mail der Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company notes</source>
        <translation>Notizen zur Firma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full name (person)</source>
        <translation>Voller Name (Person)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s city</source>
        <translation>Ort der Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s phone</source>
        <translation>Telefon der Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s mobile</source>
        <translation>Mobilnummer der Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s e-mail</source>
        <translation>E-Mail der Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s notes</source>
        <translation>Notizen zur Person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person&apos;s street</source>
        <translation>Straße der Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s zip code</source>
        <translation>PLZ der Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person&apos;s country</source>
        <translation>Land der Person</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file has no header row ({e}).</source>
        <translation>Die Datei hat keine Kopfzeile ({e}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first row must name the columns, but it is empty.</source>
        <translation>Die erste Zeile muss die Spalten benennen, ist aber leer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Line {start} is not valid CSV: {e}.</source>
        <translation>Zeile {start} ist kein gültiges CSV: {e}.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>--map {spec!r}: write it as COLUMN=FIELD.</source>
        <translation>--map {spec!r}: schreiben Sie es als SPALTE=FELD.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--map {spec!r}: the file has no column {column!r}.</source>
        <translation>--map {spec!r}: die Datei hat keine Spalte {column!r}.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>row {row}, column {column!r}: {message}</source>
        <translation>Zeile {row}, Spalte {column!r}: {message}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>row {row}: {message}</source>
        <translation>Zeile {row}: {message}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{label} (row {row} of this file): {reasons}</source>
        <translation>{label} (Zeile {row} dieser Datei): {reasons}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label}: {reasons}</source>
        <translation>{label}: {reasons}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{match} — ⊘ do-not-call</source>
        <translation>{match} – ⊘ nicht anrufen</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>The row names neither a company nor a person.</source>
        <translation>Die Zeile nennt weder eine Firma noch eine Person.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>left out: {message}</source>
        <translation>weggelassen: {message}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The mapping needs one field per column.</source>
        <translation>Die Zuordnung braucht ein Feld je Spalte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No column is mapped to the company or to a person&apos;s name, so no row could be imported. Map the column that holds the names.</source>
        <translation>Keine Spalte ist der Firma oder dem Namen einer Person zugeordnet, also könnte keine Zeile importiert werden. Ordnen Sie die Spalte mit den Namen zu.</translation>
    </message>
    <message>
        <location filename="../../shared/database.py" line="+47"/>
        <source>There is no database at {path}; check the path (only the desktop app and callsheet-api serve, demo and import create a new one).</source>
        <translation>Unter {path} gibt es keine Datenbank; prüfen Sie den Pfad (nur die Desktop-App und callsheet-api serve, demo und import legen eine neue an).</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The database file {path} was deleted or replaced while Callsheet had it open; nothing was stored. Restart Callsheet (and callsheet-api serve); restore the last backup if the file is gone.</source>
        <translation>Die Datenbankdatei {path} wurde gelöscht oder ersetzt, während Callsheet sie geöffnet hatte; nichts wurde gespeichert. Starten Sie Callsheet (und callsheet-api serve) neu; stellen Sie die letzte Sicherung wieder her, falls die Datei fehlt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The write-ahead log {path}-wal was deleted while Callsheet had it open; nothing was stored. Stop Callsheet and callsheet-api serve, then start them again.</source>
        <translation>Das Write-Ahead-Log {path}-wal wurde gelöscht, während Callsheet es geöffnet hatte; nichts wurde gespeichert. Beenden Sie Callsheet und callsheet-api serve und starten Sie sie neu.</translation>
    </message>
    <message>
        <location filename="../../shared/demo.py" line="+96"/>
        <source>The database already has contacts; the demo data set only goes into an empty database.</source>
        <translation>Die Datenbank enthält schon Kontakte; die Demodaten kommen nur in eine leere Datenbank.</translation>
    </message>
    <message>
        <location filename="../../shared/duplicates.py" line="+22"/>
        <source>same phone</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same e-mail</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
    <message>
        <location filename="../../shared/export.py" line="+156"/>
        <location line="+124"/>
        <source>Cannot export {what!r}: choose one of {choices}.</source>
        <translation>{what!r} kann nicht exportiert werden: wählen Sie eines von {choices}.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cannot tell the format of {path!r}: name it .csv or .xlsx, or give the format.</source>
        <translation>Das Format von {path!r} ist nicht erkennbar: nennen Sie die Datei .csv oder .xlsx oder geben Sie das Format an.</translation>
    </message>
    <message>
        <location filename="../../shared/model.py" line="+97"/>
        <location line="+19"/>
        <location line="+39"/>
        <source>{field} is required.</source>
        <translation>{field} ist ein Pflichtfeld.</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>{field} must be a string or null.</source>
        <translation>{field} muss ein Text oder null sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{field} contains control characters (such as NUL); remove them.</source>
        <translation>{field} enthält Steuerzeichen (etwa NUL); entfernen Sie sie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{field} contains a bidirectional override (U+202A-U+202E, U+2066-U+2069), which makes a name show as something else; remove it.</source>
        <translation>{field} enthält eine Schreibrichtungs-Umschaltung (U+202A–U+202E, U+2066–U+2069), die einen Namen als etwas anderes erscheinen lässt; entfernen Sie sie.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{field} is too long ({length} characters, at most {most}).</source>
        <translation>{field} ist zu lang ({length} Zeichen, höchstens {most}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} must not be blank.</source>
        <translation>{field} darf nicht leer sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{field} must be an e-mail address like office@example.com, got {value!r}.</source>
        <translation>{field} muss eine E-Mail-Adresse wie office@example.com sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Expected an object with the contact&apos;s fields.</source>
        <translation>Erwartet wird ein Objekt mit den Feldern des Kontakts.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>A person needs a firstName, a lastName or a displayName.</source>
        <translation>Eine Person braucht einen firstName, einen lastName oder einen displayName.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{field} must be &apos;crm&apos; or &apos;apollo&apos;, got {value!r}.</source>
        <translation>{field} muss &apos;crm&apos; oder &apos;apollo&apos; sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field} must be a non-empty id without surrounding spaces (at most 200 characters).</source>
        <translation>{field} muss eine nicht leere ID ohne Leerzeichen am Anfang oder Ende sein (höchstens 200 Zeichen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} contains control characters.</source>
        <translation>{field} enthält Steuerzeichen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A contact needs a company or a person.</source>
        <translation>Ein Kontakt braucht eine Firma oder eine Person.</translation>
    </message>
    <message>
        <location filename="../../shared/notes.py" line="+50"/>
        <source>A note needs some text.</source>
        <translation>Eine Notiz braucht Text.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A note can hold at most {max_note} characters.</source>
        <translation>Eine Notiz darf höchstens {max_note} Zeichen lang sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A note needs an author: set Your name in Settings.</source>
        <translation>Eine Notiz braucht einen Verfasser: tragen Sie Ihren Namen in den Einstellungen ein.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No note with id {note_id!r}.</source>
        <translation>Keine Notiz mit der ID {note_id!r}.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Only {author} can change this note: it is theirs.</source>
        <translation>Nur {author} kann diese Notiz ändern: Sie gehört {author}.</translation>
    </message>
    <message>
        <location filename="../../shared/phones.py" line="+37"/>
        <source>{field} must be an E.164 phone number like +498944322883100 (a plus and digits, no spaces), got {value!r}.</source>
        <translation>{field} muss eine Telefonnummer im Format E.164 wie +498944322883100 sein (ein Plus und Ziffern, keine Leerzeichen), nicht {value!r}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{field} is empty.</source>
        <translation>{field} ist leer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{field}: {value!r} is not a possible phone number: {problem}.</source>
        <translation>{field}: {value!r} ist keine mögliche Telefonnummer: {problem}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{field}: {value!r} is not a phone number we can dial (type it like 089 4432 2883-100 or +49 89 4432 2883-100).</source>
        <translation>{field}: {value!r} ist keine wählbare Telefonnummer (schreiben Sie sie wie 089 4432 2883-100 oder +49 89 4432 2883-100).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{cc} is no known country calling code</source>
        <translation>{cc} ist keine bekannte Ländervorwahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too long for a number in {country}</source>
        <translation>zu lang für eine Nummer in {country}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no number in {country} has this many digits</source>
        <translation>keine Nummer in {country} hat so viele Ziffern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>too short for a number in {country}</source>
        <translation>zu kurz für eine Nummer in {country}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it cannot be dialled</source>
        <translation>sie ist nicht wählbar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{country} (+{code})</source>
        <translation>{country} (+{code})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>it starts with no known country calling code</source>
        <translation>sie beginnt mit keiner bekannten Ländervorwahl</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{number} is not a usual number in {country}: check the digits (it is saved as typed).</source>
        <translation>{number} ist keine übliche Nummer in {country}: prüfen Sie die Ziffern (sie wird wie eingegeben gespeichert).</translation>
    </message>
    <message>
        <location filename="../../shared/privacy.py" line="+153"/>
        <source>Say why the person is erased (the privacy log keeps the reason).</source>
        <translation>Geben Sie an, warum die Person gelöscht wird (das Datenschutzprotokoll bewahrt den Grund auf).</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Person {person_id!r} was erased already.</source>
        <translation>Die Person {person_id!r} wurde bereits gelöscht.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Person {person_id!r} was erased; create a new person instead.</source>
        <translation>Die Person {person_id!r} wurde gelöscht; legen Sie stattdessen eine neue Person an.</translation>
    </message>
    <message>
        <location filename="../../shared/retention.py" line="+71"/>
        <source>{what} must be a whole number from 0 (off) to {top}, got {value!r}.</source>
        <translation>{what} muss eine ganze Zahl von 0 (aus) bis {top} sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} must be a whole number from 0 (off) to {top}, got {n}.</source>
        <translation>{what} muss eine ganze Zahl von 0 (aus) bis {top} sein, nicht {n}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <source>Call records kept (months)</source>
        <translation>Anrufe aufbewahren (Monate)</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Idle persons kept (years)</source>
        <translation>Inaktive Personen aufbewahren (Jahre)</translation>
    </message>
    <message>
        <location filename="../../shared/settings.py" line="+113"/>
        <source>The port must be a number from 1 to 65535, got {value!r}.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein, nicht {value!r}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The port must be a number from 1 to 65535, got {port}.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein, nicht {port}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Daily backups kept must be a number from 0 to 365, got {value!r}.</source>
        <translation>Die Zahl der täglichen Sicherungen muss von 0 bis 365 reichen, nicht {value!r}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Daily backups kept must be a number from 0 to 365, got {keep}.</source>
        <translation>Die Zahl der täglichen Sicherungen muss von 0 bis 365 reichen, nicht {keep}.</translation>
    </message>
    <message>
        <location filename="../../shared/storage/address.py" line="+47"/>
        <source>{redact_text!r} is not a database Callsheet can use: give a file path (SQLite) or a postgresql://user@host/database URL (PostgreSQL).</source>
        <translation>{redact_text!r} ist keine Datenbank, die Callsheet nutzen kann: geben Sie einen Dateipfad (SQLite) oder eine URL postgresql://benutzer@host/datenbank (PostgreSQL) an.</translation>
    </message>
    <message>
        <location filename="../../shared/storage/calls.py" line="+43"/>
        <source>newTasks[{i}] names campaign {campaign_id!r}, which the CRM does not know; nothing was stored.</source>
        <translation>newTasks[{i}] nennt die Kampagne {campaign_id!r}, die das CRM nicht kennt; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <location line="+258"/>
        <location line="+7"/>
        <source>No call with id {call_id!r}.</source>
        <translation>Kein Anruf mit der ID {call_id!r}.</translation>
    </message>
    <message>
        <location filename="../../shared/storage/campaigns.py" line="-12"/>
        <source>The CRM is not the contact source of campaign {campaign_id!r}: its contacts are managed in Apollo.</source>
        <translation>Das CRM ist nicht die Kontaktquelle der Kampagne {campaign_id!r}: ihre Kontakte werden in Apollo verwaltet.</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+27"/>
        <source>A campaign needs a name.</source>
        <translation>Eine Kampagne braucht einen Namen.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>A campaign with id {campaign_id!r} exists already.</source>
        <translation>Eine Kampagne mit der ID {campaign_id!r} gibt es schon.</translation>
    </message>
    <message>
        <location filename="../../shared/storage/contacts.py" line="+56"/>
        <location line="+166"/>
        <location line="+144"/>
        <source>No company with id {company_id!r}.</source>
        <translation>Keine Firma mit der ID {company_id!r}.</translation>
    </message>
    <message>
        <location line="-152"/>
        <location line="+137"/>
        <source>No person with id {person_id!r}.</source>
        <translation>Keine Person mit der ID {person_id!r}.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Persons sort by {orders}.</source>
        <translation>Personen werden nach {orders} sortiert.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Person {person_id!r} does not belong to company {company_id!r}.</source>
        <translation>Die Person {person_id!r} gehört nicht zur Firma {company_id!r}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No person with id {key!r}.</source>
        <translation>Keine Person mit der ID {key!r}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No company with id {key!r}.</source>
        <translation>Keine Firma mit der ID {key!r}.</translation>
    </message>
    <message>
        <location filename="../../shared/storage/copy.py" line="+94"/>
        <source>The target database is not empty ({found}); copy only into an empty database or a new file.</source>
        <translation>Die Zieldatenbank ist nicht leer ({found}); kopieren Sie nur in eine leere Datenbank oder eine neue Datei.</translation>
    </message>
    <message>
        <location filename="../../shared/storage/merge.py" line="+113"/>
        <source>No company named like {name!r}.</source>
        <translation>Keine Firma mit einem Namen wie {name!r}.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>kind must be &apos;company&apos; or &apos;person&apos;.</source>
        <translation>kind muss &apos;company&apos; oder &apos;person&apos; sein.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>A company cannot be merged into itself.</source>
        <translation>Eine Firma kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A person cannot be merged into itself.</source>
        <translation>Eine Person kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <location filename="../../shared/storage/pg_backup.py" line="+58"/>
        <source>pg_dump is not installed here. Install the PostgreSQL client programs (Debian: apt-get install postgresql-client) or run on the server: {shown}</source>
        <translation>pg_dump ist hier nicht installiert. Installieren Sie die PostgreSQL-Client-Programme (Debian: apt-get install postgresql-client) oder führen Sie auf dem Server aus: {shown}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>pg_dump failed: {message}</source>
        <translation>pg_dump ist fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <location filename="../../shared/storage/tasks.py" line="+44"/>
        <source>No task with id {task_id!r}.</source>
        <translation>Keine Aufgabe mit der ID {task_id!r}.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The CRM is not the task source of campaign {campaign_id!r}: its tasks are managed in Apollo.</source>
        <translation>Das CRM ist nicht die Aufgabenquelle der Kampagne {campaign_id!r}: ihre Aufgaben werden in Apollo verwaltet.</translation>
    </message>
    <message>
        <location filename="../../shared/storage/trash.py" line="+61"/>
        <source>No company with id {record_id!r}.</source>
        <translation>Keine Firma mit der ID {record_id!r}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No person with id {record_id!r}.</source>
        <translation>Keine Person mit der ID {record_id!r}.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>This record is no longer in Recently deleted (restored or purged already).</source>
        <translation>Dieser Eintrag ist nicht mehr unter „Zuletzt gelöscht“ (schon wiederhergestellt oder endgültig gelöscht).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A company with id {record_id!r} exists already.</source>
        <translation>Eine Firma mit der ID {record_id!r} gibt es schon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A person with id {record_id!r} exists already.</source>
        <translation>Eine Person mit der ID {record_id!r} gibt es schon.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{row} belonged to a company that is deleted too: restore the company first.</source>
        <translation>{row} gehörte zu einer Firma, die ebenfalls gelöscht ist: stellen Sie zuerst die Firma wieder her.</translation>
    </message>
    <message>
        <location filename="../../shared/stores.py" line="+67"/>
        <source>The database file {path} was replaced; restart Callsheet.</source>
        <translation>Die Datenbankdatei {path} wurde ersetzt; starten Sie Callsheet neu.</translation>
    </message>
    <message>
        <location filename="../../shared/timeline.py" line="-1"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../../shared/csv_import.py" line="-515"/>
        <location filename="../../shared/timeline.py" line="+1"/>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/timeline.py" line="+0"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/timeline.py" line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../shared/timeline.py" line="+0"/>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/timeline.py" line="+1"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location filename="../../shared/timeline.py" line="+0"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ZIP code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../shared/csv_import.py" line="-16"/>
        <location filename="../../shared/timeline.py" line="+0"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../shared/timeline.py" line="+0"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../shared/timeline.py" line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone 2</source>
        <translation>Telefon 2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../shared/csv_import.py" line="-4"/>
        <location filename="../../shared/timeline.py" line="+0"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../shared/timeline.py" line="+1"/>
        <source>Do not call</source>
        <translation>Nicht anrufen</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{call}, not answered</source>
        <translation>{call}, nicht angenommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{call}, answered · {minutes}:{seconds:02d} min</source>
        <translation>{call}, angenommen · {minutes}:{seconds:02d} min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{call}, answered</source>
        <translation>{call}, angenommen</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Fields changed</source>
        <translation>Felder geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merged into another contact</source>
        <translation>In einen anderen Kontakt zusammengeführt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Erased</source>
        <translation>Personenbezogene Daten gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as not a duplicate</source>
        <translation>Als kein Duplikat markiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent recorded</source>
        <translation>Einwilligung erfasst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consent withdrawn</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{field}: {old} → {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field}: {value}</source>
        <translation>{field}: {value}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Apollo ({client})</source>
        <translation>Apollo ({client})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command line</source>
        <translation>Kommandozeile</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Note (edited)</source>
        <translation>Notiz (bearbeitet)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Task in {campaign} ({state}), due {due:%a %d %b %Y, %H:%M}</source>
        <translation>Aufgabe in {campaign} ({state}), fällig {due:%d.%m.%Y, %H:%M}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To-do ({state}), due {due:%a %d %b %Y, %H:%M}</source>
        <translation>To-do ({state}), fällig {due:%d.%m.%Y, %H:%M}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do-not-call set</source>
        <translation>„Nicht anrufen“ gesetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Do-not-call lifted</source>
        <translation>„Nicht anrufen“ aufgehoben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Note edited</source>
        <translation>Notiz bearbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location filename="../../shared/todos.py" line="+66"/>
        <source>A to-do needs a title: what is there to do?</source>
        <translation>Ein To-do braucht einen Titel: Was ist zu tun?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A to-do&apos;s title can be at most {max_title} characters.</source>
        <translation>Der Titel eines To-dos darf höchstens {max_title} Zeichen lang sein.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No to-do with id {todo_id!r}.</source>
        <translation>Kein To-do mit der ID {todo_id!r}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A to-do needs an owner: set Your name in Settings.</source>
        <translation>Ein To-do braucht einen Besitzer: tragen Sie Ihren Namen in den Einstellungen ein.</translation>
    </message>
    <message>
        <location filename="../../shared/trash.py" line="+51"/>
        <source>with {count}</source>
        <translation>mit {count}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{label} is back, with {persons}, {tasks}, {places} and its calls.</source>
        <translation>{label} ist wieder da, mit {persons}, {tasks}, {places} und den Anrufen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} is back, with {tasks}, {places} and its calls.</source>
        <translation>{label} ist wieder da, mit {tasks}, {places} und den Anrufen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{restored} {what} of campaigns deleted since could not come back.</source>
        <translation>{restored} {what} aus inzwischen gelöschten Kampagnen konnten nicht zurückkommen.</translation>
    </message>
    <message>
        <location filename="../../shared/unknown_callers.py" line="+113"/>
        <source>{name} already has {phone2} as phone 2; clear it on the card first, or create a new contact for this number.</source>
        <translation>{name} hat schon {phone2} als Telefon 2; leeren Sie das Feld zuerst auf der Karte oder legen Sie für diese Nummer einen neuen Kontakt an.</translation>
    </message>
    <message>
        <location filename="../../shared/words.py" line="+11"/>
        <source>{n:,} row</source>
        <translation>{n:,} Zeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} rows</source>
        <translation>{n:,} Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} field</source>
        <translation>{n:,} Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} fields</source>
        <translation>{n:,} Felder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} company</source>
        <translation>{n:,} Firma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} companies</source>
        <translation>{n:,} Firmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} person</source>
        <translation>{n:,} Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} persons</source>
        <translation>{n:,} Personen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} copy</source>
        <translation>{n:,} Kopie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} copies</source>
        <translation>{n:,} Kopien</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} task</source>
        <translation>{n:,} Aufgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} tasks</source>
        <translation>{n:,} Aufgaben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} campaign place</source>
        <translation>{n:,} Kampagnenplatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} campaign places</source>
        <translation>{n:,} Kampagnenplätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} task or campaign place</source>
        <translation>{n:,} Aufgabe oder Kampagnenplatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} tasks or campaign places</source>
        <translation>{n:,} Aufgaben oder Kampagnenplätze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} deleted record</source>
        <translation>{n:,} gelöschter Eintrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} deleted records</source>
        <translation>{n:,} gelöschte Einträge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} call</source>
        <translation>{n:,} Anruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} calls</source>
        <translation>{n:,} Anrufe</translation>
    </message>
    <message>
        <location filename="../../shared/reasons.py" line="+9"/>
        <source>set by call</source>
        <translation>durch einen Anruf gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the call that set it was replaced</source>
        <translation>der Anruf, der es gesetzt hatte, wurde ersetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>erased, objection on file</source>
        <translation>gelöscht, Widerspruch liegt vor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merged with {label}</source>
        <translation>zusammengeführt mit {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported as a copy of {label}, who is do-not-call</source>
        <translation>importiert als Kopie von {label}, der/die nicht angerufen werden darf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retention: no call, task or edit for {years} years</source>
        <translation>Aufbewahrung: seit {years} Jahren kein Anruf, keine Aufgabe und keine Änderung</translation>
    </message>
    <message>
        <location filename="../../shared/pg_check.py" line="+20"/>
        <source>The server refused this password for user {user} (or does not know that user).</source>
        <translation>Der Server hat dieses Passwort für den Benutzer {user} abgelehnt (oder kennt den Benutzer nicht).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server wants a password for user {user}.</source>
        <translation>Der Server verlangt ein Passwort für den Benutzer {user}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no database called &apos;{dbname}&apos; on this server.</source>
        <translation>Auf diesem Server gibt es keine Datenbank namens &apos;{dbname}&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server has no user called &apos;{user}&apos;.</source>
        <translation>Der Server hat keinen Benutzer namens &apos;{user}&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User {user} may not connect to database &apos;{dbname}&apos;.</source>
        <translation>Der Benutzer {user} darf sich nicht mit der Datenbank &apos;{dbname}&apos; verbinden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not accept connections from this PC (pg_hba.conf); ask whoever runs it to allow this PC.</source>
        <translation>Der Server nimmt von diesem PC keine Verbindungen an (pg_hba.conf); bitten Sie die Betreuer des Servers, diesen PC zuzulassen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SSL: {detail}</source>
        <translation>SSL: {detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No computer called &apos;{host}&apos; was found on the network.</source>
        <translation>Im Netzwerk wurde kein Rechner namens &apos;{host}&apos; gefunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing answers on port {port} of {host}: is PostgreSQL running there and listening on this address?</source>
        <translation>Auf Port {port} von {host} antwortet nichts: Läuft PostgreSQL dort und lauscht auf dieser Adresse?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host} does not answer (switched off, or a firewall in the way?).</source>
        <translation>{host} antwortet nicht (ausgeschaltet, oder eine Firewall im Weg?).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter the database server&apos;s name or address.</source>
        <translation>Geben Sie den Namen oder die Adresse des Datenbankservers ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port is a number from 1 to 65535 (usually 5432).</source>
        <translation>Der Port ist eine Zahl von 1 bis 65535 (meist 5432).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the database&apos;s name (e.g. callsheet).</source>
        <translation>Geben Sie den Namen der Datenbank ein (z. B. callsheet).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the user name the database server knows.</source>
        <translation>Geben Sie den Benutzernamen ein, den der Datenbankserver kennt.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Connected: PostgreSQL {major}.{minor} at {host}, database &apos;{dbname}&apos; as {user}.</source>
        <translation>Verbunden: PostgreSQL {major}.{minor} auf {host}, Datenbank &apos;{dbname}&apos; als {user}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{connected} (The pg_trgm extension is not installed on the server: search needs it.)</source>
        <translation>{connected} (Die Erweiterung pg_trgm ist auf dem Server nicht installiert: die Suche braucht sie.)</translation>
    </message>
</context>
<context>
    <name>api_controller</name>
    <message>
        <location filename="../../crm_desktop/api_controller.py" line="+37"/>
        <source>Port {port} on {host} is in use by another program.</source>
        <translation>Port {port} auf {host} wird von einem anderen Programm benutzt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port {port} needs administrator rights; use 1024 or above.</source>
        <translation>Port {port} braucht Administratorrechte; nehmen Sie 1024 oder höher.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host} is not an address of this PC. Use 127.0.0.1 (this PC only) or 0.0.0.0 (every network).</source>
        <translation>{host} ist keine Adresse dieses PCs. Nehmen Sie 127.0.0.1 (nur dieser PC) oder 0.0.0.0 (jedes Netzwerk).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{host} is not a known address or name.</source>
        <translation>{host} ist keine bekannte Adresse und kein bekannter Name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot listen on {host}:{port} ({reason}).</source>
        <translation>Kann nicht auf {host}:{port} lauschen ({reason}).</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+118"/>
        <source>The API is off.</source>
        <translation>Die API ist aus.</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>The API is not running: {why} Change it in Settings (Ctrl+,).</source>
        <translation>Die API läuft nicht: {why} Ändern Sie das in den Einstellungen (Strg+,).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Enter an address, for example 127.0.0.1.</source>
        <translation>Geben Sie eine Adresse ein, zum Beispiel 127.0.0.1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>API listening on {url}</source>
        <translation>API lauscht auf {url}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../crm_desktop/app.py" line="+86"/>
        <source>Callsheet created a new, empty database at {path}.</source>
        <translation>Callsheet hat eine neue, leere Datenbank angelegt unter {path}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a new, empty database.</source>
        <translation>Dies ist eine neue, leere Datenbank.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Welcome to Callsheet</source>
        <translation>Willkommen bei Callsheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{intro} Load the demo data (32 companies with their people, three campaigns, tasks and a month of calls) to look around?

Choose No to start with your own contacts.</source>
        <translation>{intro} Demodaten laden (32 Firmen mit ihren Personen, drei Kampagnen, Aufgaben und ein Monat Anrufe), um sich umzusehen?

Wählen Sie Nein, um mit Ihren eigenen Kontakten zu beginnen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Callsheet is already running on this database: this is its window.</source>
        <translation>Callsheet läuft bereits mit dieser Datenbank: Dies ist sein Fenster.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Callsheet is already running on this database:
{path}

Its window has been brought to the front.</source>
        <translation>Callsheet läuft bereits mit dieser Datenbank:
{path}

Sein Fenster wurde nach vorn geholt.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Callsheet cannot open its database
{path}

{e}</source>
        <translation>Callsheet kann seine Datenbank nicht öffnen
{path}

{e}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Callsheet cannot open the shared database
{url}

{e}

Check File &gt; Settings &gt; This PC (Test connection).</source>
        <translation>Callsheet kann die gemeinsame Datenbank nicht öffnen
{url}

{e}

Prüfen Sie Datei &gt; Einstellungen &gt; Dieser PC (Verbindung testen).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Created a new database at {path}.</source>
        <translation>Neue Datenbank angelegt unter {path}.</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <location filename="../../crm_desktop/backups.py" line="+56"/>
        <source>Daily backup skipped: {message}</source>
        <translation>Tägliche Sicherung übersprungen: {message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Daily backup saved: {path}</source>
        <translation>Tägliche Sicherung gespeichert: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup saved: {path}</source>
        <translation>Sicherung gespeichert: {path}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Backup failed: {v0}</source>
        <translation>Sicherung fehlgeschlagen: {v0}</translation>
    </message>
</context>
<context>
    <name>call_details</name>
    <message>
        <location filename="../../crm_desktop/call_details.py" line="+36"/>
        <source>Call {call_id}</source>
        <translation>Anruf {call_id}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>none given (the number matched no contact)</source>
        <translation>keiner angegeben (die Nummer passte zu keinem Kontakt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This call can only be shown as Apollo posted it:</source>
        <translation>Dieser Anruf kann nur so gezeigt werden, wie Apollo ihn gesendet hat:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+58"/>
        <source>Show raw JSON</source>
        <translation>Rohes JSON zeigen</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Show details</source>
        <translation>Details zeigen</translation>
    </message>
</context>
<context>
    <name>calls_model</name>
    <message>
        <location filename="../../crm_desktop/models/calls_model.py" line="+14"/>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>answered</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed</source>
        <translation>verpasst</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transfer</source>
        <translation>Weiterleitung</translation>
    </message>
</context>
<context>
    <name>calls_view</name>
    <message>
        <location filename="../../crm_desktop/calls_view.py" line="+29"/>
        <source>Answered and missed</source>
        <translation>Angenommen und verpasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Double-click a call to see everything Apollo sent</source>
        <translation>Doppelklick auf einen Anruf zeigt alles, was Apollo gesendet hat</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+71"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+71"/>
        <source>Open contact</source>
        <translation>Kontakt öffnen</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n:,} calls</source>
        <translation>{n:,} Anrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 call</source>
        <translation>1 Anruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (the newest {limit:,}; narrow the filters)</source>
        <translation> (die neuesten {limit:,}; grenzen Sie die Filter ein)</translation>
    </message>
</context>
<context>
    <name>campaign_dialog</name>
    <message>
        <location filename="../../crm_desktop/campaign_dialog.py" line="+31"/>
        <source>Callsheet (this CRM)</source>
        <translation>Callsheet (dieses CRM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apollo</source>
        <translation>Apollo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Edit campaign</source>
        <translation>Kampagne bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The id Apollo uses, e.g. winter_promo</source>
        <translation>Die ID, die Apollo verwendet, z. B. winter_promo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What people call it, e.g. Winter promotion</source>
        <translation>Wie man sie nennt, z. B. Winteraktion</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only contacts with &amp;consent to advertising calls</source>
        <translation>Nur Kontakte mit &amp;Einwilligung in Werbeanrufe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apollo&apos;s dialer then gets only contacts holding a consent that was not withdrawn (see the card&apos;s Consent tab)</source>
        <translation>Der Dialer von Apollo erhält dann nur Kontakte mit einer nicht widerrufenen Einwilligung (siehe Reiter „Einwilligung“ der Karte)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Call only between</source>
        <translation>Nur anrufen zwischen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calling hours from</source>
        <translation>Anrufzeiten von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling hours until</source>
        <translation>Anrufzeiten bis</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the contact&apos;s local time</source>
        <translation>Ortszeit des Kontakts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Campaign &amp;id (as in Apollo)</source>
        <translation>Kampagnen-&amp;ID (wie in Apollo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Contacts come from</source>
        <translation>&amp;Kontakte kommen aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tasks come from</source>
        <translation>&amp;Aufgaben kommen aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When the contacts or tasks come from Callsheet, Apollo&apos;s dialer fetches them from here; when they come from Apollo, Callsheet only keeps the calls.</source>
        <translation>Kommen Kontakte oder Aufgaben aus Callsheet, holt der Dialer von Apollo sie von hier; kommen sie aus Apollo, speichert Callsheet nur die Anrufe.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Calling &amp;hours (off: the dialer gets contacts at any hour)</source>
        <translation>Anruf&amp;zeiten (aus: der Dialer erhält Kontakte zu jeder Uhrzeit)</translation>
    </message>
</context>
<context>
    <name>campaigns_model</name>
    <message>
        <location filename="../../crm_desktop/models/campaigns_model.py" line="+13"/>
        <source>Callsheet</source>
        <translation>Callsheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apollo</source>
        <translation>Apollo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>consent needed</source>
        <translation>Einwilligung nötig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apollo gets only contacts with consent to advertising calls</source>
        <translation>Apollo erhält nur Kontakte mit Einwilligung in Werbeanrufe</translation>
    </message>
</context>
<context>
    <name>campaigns_view</name>
    <message>
        <location filename="../../crm_desktop/campaigns_view.py" line="+59"/>
        <source>New campaign…</source>
        <translation>Neue Kampagne…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+75"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+76"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+87"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+65"/>
        <source>Assign contacts…</source>
        <translation>Kontakte zuordnen…</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Pick several contacts with Ctrl+click or Shift+click</source>
        <translation>Mehrere Kontakte mit Strg+Klick oder Umschalt+Klick auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove from campaign</source>
        <translation>Aus Kampagne entfernen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Select a campaign to see its contacts.</source>
        <translation>Wählen Sie eine Kampagne, um ihre Kontakte zu sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contacts in {name} ({v1})</source>
        <translation>Kontakte in {name} ({v1})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apollo manages this campaign&apos;s contacts; the list here is not handed to the dialer.</source>
        <translation>Apollo verwaltet die Kontakte dieser Kampagne; die Liste hier wird nicht an den Dialer übergeben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apollo&apos;s dialer calls these contacts; {n} flagged do-not-call are skipped.</source>
        <translation>Der Dialer von Apollo ruft diese Kontakte an; {n} mit „Nicht anrufen“ markierte werden übersprungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apollo&apos;s dialer calls these contacts.</source>
        <translation>Der Dialer von Apollo ruft diese Kontakte an.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Delete campaign</source>
        <translation>Kampagne löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {name}? Its contact list and its {open_task_count} open task(s) go with it; calls stay in the journal.</source>
        <translation>{name} löschen? Ihre Kontaktliste und ihre {open_task_count} offene(n) Aufgabe(n) werden mitgelöscht; die Anrufe bleiben im Journal.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Select a campaign first.</source>
        <translation>Wählen Sie zuerst eine Kampagne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assign contacts to {name}</source>
        <translation>Kontakte {name} zuordnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find contacts and select several with Ctrl+click or Shift+click.</source>
        <translation>Kontakte suchen und mehrere mit Strg+Klick oder Umschalt+Klick auswählen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign</source>
        <translation>Zuordnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assigned {added} contact(s) to {name}.</source>
        <translation>{added} Kontakt(e) {name} zugeordnet.</translation>
    </message>
</context>
<context>
    <name>card_models</name>
    <message>
        <location filename="../../crm_desktop/models/card_models.py" line="+27"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not call</source>
        <translation>Nicht anrufen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>set do-not-call</source>
        <translation>„Nicht anrufen“ gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lifted</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>call {id}… (double-click)</source>
        <translation>Anruf {id}… (Doppelklick)</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../crm_desktop/models/campaigns_model.py" line="-14"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../crm_desktop/models/contacts_model.py" line="+22"/>
        <location filename="../../crm_desktop/models/trash_model.py" line="+30"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Contacts from</source>
        <translation>Kontakte aus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tasks from</source>
        <translation>Aufgaben aus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open tasks</source>
        <translation>Offene Aufgaben</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/models/card_models.py" line="-11"/>
        <location line="+28"/>
        <location filename="../../crm_desktop/models/privacy_models.py" line="+62"/>
        <location filename="../../crm_desktop/models/tasks_model.py" line="+41"/>
        <location filename="../../crm_desktop/timeline_panel.py" line="+42"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+22"/>
        <location filename="../../crm_desktop/models/privacy_models.py" line="-22"/>
        <location filename="../../crm_desktop/timeline_panel.py" line="+6"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="-21"/>
        <location filename="../../crm_desktop/models/privacy_models.py" line="+29"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../crm_desktop/models/privacy_models.py" line="-6"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/models/contacts_model.py" line="+3"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../crm_desktop/models/duplicates_model.py" line="+32"/>
        <location filename="../../crm_desktop/models/privacy_models.py" line="-35"/>
        <location filename="../../crm_desktop/models/tasks_model.py" line="+15"/>
        <location filename="../../crm_desktop/timeline_panel.py" line="-4"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not call</source>
        <translation>Nicht anrufen</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/models/duplicates_model.py" line="+1"/>
        <location filename="../../crm_desktop/models/privacy_models.py" line="+37"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks like</source>
        <translation>Ähnelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/models/tasks_model.py" line="-8"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From call</source>
        <translation>Aus Anruf</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/models/trash_model.py" line="-9"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../crm_desktop/timeline_panel.py" line="+7"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Went with it</source>
        <translation>Mit gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted by</source>
        <translation>Gelöscht von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gone for good on</source>
        <translation>Endgültig weg am</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/models/privacy_models.py" line="-35"/>
        <source>Given</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proof</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proof kept until</source>
        <translation>Nachweis aufbewahrt bis</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>companies_model</name>
    <message>
        <location filename="../../crm_desktop/models/companies_model.py" line="+26"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>company_card</name>
    <message>
        <location filename="../../crm_desktop/company_card.py" line="+23"/>
        <source> Its {n} persons will be deleted with it.</source>
        <translation> Ihre {n} Personen werden mitgelöscht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> Its 1 person will be deleted with it.</source>
        <translation> Ihre 1 Person wird mitgelöscht.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Double-click to open the person&apos;s card</source>
        <translation>Doppelklick öffnet die Karte der Person</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add person…</source>
        <translation>Person hinzufügen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E-mail {email}</source>
        <translation>E-Mail an {email}</translation>
    </message>
    <message>
        <location line="+40"/>
        <location filename="../../crm_desktop/contacts_view.py" line="+420"/>
        <source> It has no persons.</source>
        <translation> Sie hat keine Personen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete company</source>
        <translation>Firma löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {display_name}?{goes} Its calls stay in the journal. Recently deleted keeps it for 30 days.</source>
        <translation>{display_name} löschen?{goes} Die Anrufe bleiben im Journal. „Zuletzt gelöscht“ bewahrt sie 30 Tage auf.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Company · {n} persons</source>
        <translation>Firma · {n} Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company · 1 person</source>
        <translation>Firma · 1 Person</translation>
    </message>
</context>
<context>
    <name>consent_dialog</name>
    <message>
        <location filename="../../crm_desktop/consent_dialog.py" line="+41"/>
        <source>Record consent</source>
        <translation>Einwilligung erfassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent of &lt;b&gt;{contact_name}&lt;/b&gt; to advertising calls (§7a UWG). Keep the proof: it must be shown for five years after the consent was last used.</source>
        <translation>Einwilligung von &lt;b&gt;{contact_name}&lt;/b&gt; in Werbeanrufe (§7a UWG). Bewahren Sie den Nachweis auf: Er muss noch fünf Jahre nach der letzten Nutzung der Einwilligung vorgelegt werden können.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>web form, call recording, signed letter, e-mail …</source>
        <translation>Webformular, Gesprächsaufzeichnung, unterschriebener Brief, E-Mail …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>who took it (agent, colleague, website)</source>
        <translation>wer sie aufgenommen hat (Agent, Kollege, Website)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>file, recording id or folder of the proof</source>
        <translation>Datei, Aufzeichnungs-ID oder Ordner des Nachweises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Given at</source>
        <translation>&amp;Erteilt am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;How it was given</source>
        <translation>&amp;Wie sie erteilt wurde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;By whom</source>
        <translation>&amp;Von wem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Proof (file reference)</source>
        <translation>&amp;Nachweis (Dateiverweis)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Proof of consent</source>
        <translation>Nachweis der Einwilligung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>consent_panel</name>
    <message>
        <location filename="../../crm_desktop/consent_panel.py" line="+42"/>
        <source>Add consent…</source>
        <translation>Einwilligung erfassen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdraw</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The contact took the consent back</source>
        <translation>Der Kontakt hat die Einwilligung zurückgenommen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export proof…</source>
        <translation>Nachweis exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the consent records and their last use to a file</source>
        <translation>Die Einwilligungen und ihre letzte Nutzung in eine Datei schreiben</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Withdraw consent</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the consent given {v0} as withdrawn now? Campaigns that need consent stop calling this contact.</source>
        <translation>Die am {v0} erteilte Einwilligung jetzt als widerrufen markieren? Kampagnen, die eine Einwilligung brauchen, rufen diesen Kontakt dann nicht mehr an.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export consent proof</source>
        <translation>Einwilligungsnachweis exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent proof written to {path}.</source>
        <translation>Einwilligungsnachweis geschrieben nach {path}.</translation>
    </message>
</context>
<context>
    <name>contact_actions</name>
    <message>
        <location filename="../../crm_desktop/contact_actions.py" line="+37"/>
        <source>Call {v0}</source>
        <translation>{v0} anrufen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy {e164} (E.164)</source>
        <translation>{e164} kopieren (E.164)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy {v0} (national)</source>
        <translation>{v0} kopieren (national)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Call this number (tel:); the arrow copies it as +49… or 0…</source>
        <translation>Diese Nummer anrufen (tel:); der Pfeil kopiert sie als +49… oder 0…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Write</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write an e-mail (mailto:)</source>
        <translation>Eine E-Mail schreiben (mailto:)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write e-mail</source>
        <translation>E-Mail schreiben</translation>
    </message>
</context>
<context>
    <name>contact_card</name>
    <message>
        <location filename="../../crm_desktop/contact_card.py" line="+150"/>
        <source>⊘ DO NOT CALL</source>
        <translation>⊘ NICHT ANRUFEN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not call</source>
        <translation>Nicht anrufen</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+508"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="-506"/>
        <source>Save changes (Ctrl+S)</source>
        <translation>Änderungen speichern (Strg+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+505"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>Throw away unsaved changes (Esc)</source>
        <translation>Ungespeicherte Änderungen verwerfen (Esc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+404"/>
        <source>Set do-not-call…</source>
        <translation>Nicht anrufen…</translation>
    </message>
    <message>
        <location line="-402"/>
        <source>Flag or lift do-not-call, with a reason (Ctrl+D)</source>
        <translation>„Nicht anrufen“ setzen oder aufheben, mit Begründung (Strg+D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+150"/>
        <source>Add task…</source>
        <translation>Neue Aufgabe…</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Plan a call to this contact (Ctrl+T)</source>
        <translation>Einen Anruf bei diesem Kontakt planen (Strg+T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this contact (Ctrl+Shift+Del)</source>
        <translation>Diesen Kontakt löschen (Strg+Umschalt+Entf)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Double-click a call to see everything Apollo sent</source>
        <translation>Doppelklick auf einen Anruf zeigt alles, was Apollo gesendet hat</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+308"/>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <location line="-306"/>
        <location line="+308"/>
        <source>Open tasks</source>
        <translation>Offene Aufgaben</translation>
    </message>
    <message>
        <location line="-307"/>
        <source>Do-not-call</source>
        <translation>Nicht anrufen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Close selected task</source>
        <translation>Ausgewählte Aufgabe schließen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>New {NOUN}</source>
        <translation>Neue {NOUN}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in the details and press &lt;b&gt;{create}&lt;/b&gt; (Ctrl+S).</source>
        <translation>Füllen Sie die Angaben aus und klicken Sie auf &lt;b&gt;{create}&lt;/b&gt; (Strg+S).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Create {NOUN}</source>
        <translation>{NOUN} anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This {NOUN} was deleted (by Apollo or another Callsheet). Close the card; nothing here can be saved.</source>
        <translation>Diese {NOUN} wurde gelöscht (von Apollo oder einem anderen Callsheet). Schließen Sie die Karte; hier kann nichts gespeichert werden.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Someone else changed {v0} while you were editing. Save keeps your version; Reload shows theirs.</source>
        <translation>Jemand anderes hat {v0} geändert, während Sie bearbeitet haben. Speichern behält Ihre Fassung; Neu laden zeigt die andere.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Lift do-not-call…</source>
        <translation>Anrufen erlauben…</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Close this new {NOUN} and lose what you typed?</source>
        <translation>Diese neue {NOUN} schließen und das Eingegebene verwerfen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throw away your changes to {title}?</source>
        <translation>Ihre Änderungen an {title} verwerfen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Lift do-not-call</source>
        <translation>„Nicht anrufen“ aufheben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why may {name} be called again? (for example: &quot;asked for an offer on the phone&quot;)</source>
        <translation>Warum darf {name} wieder angerufen werden? (zum Beispiel: „bat telefonisch um ein Angebot“)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Set do-not-call</source>
        <translation>„Nicht anrufen“ setzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why must {name} not be called? (for example: &quot;asked not to be called&quot;)</source>
        <translation>Warum darf {name} nicht angerufen werden? (zum Beispiel: „möchte nicht angerufen werden“)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lifting do-not-call needs a reason; nothing was changed.</source>
        <translation>Das Aufheben von „Nicht anrufen“ braucht eine Begründung; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{text} there</source>
        <translation>dort {text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The contact&apos;s local time ({zones})</source>
        <translation>Ortszeit des Kontakts ({zones})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local time {text}</source>
        <translation>Ortszeit {text}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Outside calling hours</source>
        <translation>Außerhalb der Anrufzeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At that time it is {there} for {v1}, outside {GOOD_FROM:%H:%M}–{GOOD_UNTIL:%H:%M} of their local time. Plan the call anyway?</source>
        <translation>Zu dieser Zeit ist es bei {v1} {there}, außerhalb von {GOOD_FROM:%H:%M}–{GOOD_UNTIL:%H:%M} Ortszeit. Den Anruf trotzdem planen?</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Only {author} can change this note: it is theirs.</source>
        <translation>Nur {author} kann diese Notiz ändern: Sie gehört {author}.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close task</source>
        <translation>Aufgabe schließen</translation>
    </message>
</context>
<context>
    <name>contact_picker</name>
    <message>
        <location filename="../../crm_desktop/contact_picker.py" line="+59"/>
        <source>Type a name, e-mail or phone number…</source>
        <translation>Name, E-Mail oder Telefonnummer eingeben…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find a contact</source>
        <translation>Kontakt finden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacts found</source>
        <translation>Gefundene Kontakte</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>private</source>
        <translation>privat</translation>
    </message>
</context>
<context>
    <name>contacts_view</name>
    <message>
        <location filename="../../crm_desktop/contacts_view.py" line="-340"/>
        <source>Filter by name, e-mail, city or phone number…</source>
        <translation>Nach Name, E-Mail, Ort oder Telefonnummer filtern…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Do-not-call only</source>
        <translation>Nur „Nicht anrufen“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the contacts flagged do-not-call</source>
        <translation>Nur die mit „Nicht anrufen“ markierten Kontakte</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Filter companies</source>
        <translation>Firmen filtern</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filter persons</source>
        <translation>Personen filtern</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>New company</source>
        <translation>Neue Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Shift+C</source>
        <translation>Strg+Umschalt+C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+N</source>
        <translation>Strg+Umschalt+N</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+169"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Open the selected card (Enter)</source>
        <translation>Die ausgewählte Karte öffnen (Eingabe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+178"/>
        <source>Add to campaign…</source>
        <translation>Zu Kampagne hinzufügen…</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Assign the selected contacts to a campaign (Ctrl+Shift+A)</source>
        <translation>Die ausgewählten Kontakte einer Kampagne zuordnen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+183"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>Delete the selected contact (Del)</source>
        <translation>Den ausgewählten Kontakt löschen (Entf)</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>No {many} match</source>
        <translation>Keine passenden {many}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{v0:,} loaded; scroll for more</source>
        <translation>{v0:,} geladen; für mehr weiterscrollen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No {noun} yet</source>
        <translation>Noch keine {noun}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>E-mail {email}</source>
        <translation>E-Mail an {email}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lift do-not-call…</source>
        <translation>Anrufen erlauben…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set do-not-call…</source>
        <translation>Nicht anrufen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>must not be called</source>
        <translation>nicht angerufen werden dürfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may be called again</source>
        <translation>wieder angerufen werden dürfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set do-not-call</source>
        <translation>„Nicht anrufen“ setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lift do-not-call</source>
        <translation>„Nicht anrufen“ aufheben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why {v0} contact(s) {what}?</source>
        <translation>Warum {v0} Kontakt(e) {what}?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lifting do-not-call needs a reason; nothing was changed.</source>
        <translation>Das Aufheben von „Nicht anrufen“ braucht eine Begründung; nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do-not-call set on {changed} contact(s).</source>
        <translation>„Nicht anrufen“ bei {changed} Kontakt(en) gesetzt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do-not-call lifted on {changed} contact(s).</source>
        <translation>„Nicht anrufen“ bei {changed} Kontakt(en) aufgehoben.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select one or more contacts first (Ctrl+click, Shift+click).</source>
        <translation>Wählen Sie zuerst einen oder mehrere Kontakte (Strg+Klick, Umschalt+Klick).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There are no campaigns yet: create one under Campaigns.</source>
        <translation>Es gibt noch keine Kampagnen: Legen Sie eine unter Kampagnen an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add to campaign</source>
        <translation>Zu Kampagne hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add {v0} contact(s) to:</source>
        <translation>{v0} Kontakt(e) hinzufügen zu:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Added {added} contact(s) to {name}; {n} were in it already.</source>
        <translation>{added} Kontakt(e) zu {name} hinzugefügt; {n} waren schon darin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added {added} contact(s) to {name}.</source>
        <translation>{added} Kontakt(e) zu {name} hinzugefügt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete {name}?{goes} Its calls stay in the journal. Recently deleted keeps it for 30 days.</source>
        <translation>{name} löschen?{goes} Die Anrufe bleiben im Journal. „Zuletzt gelöscht“ bewahrt sie 30 Tage auf.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete {name}? Their calls stay in the journal. Recently deleted keeps it for 30 days.</source>
        <translation>{name} löschen? Die Anrufe bleiben im Journal. „Zuletzt gelöscht“ bewahrt die Person 30 Tage auf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>dashboard_view</name>
    <message>
        <location filename="../../crm_desktop/dashboard_view.py" line="+105"/>
        <source>Nothing yet</source>
        <translation>Noch nichts</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>CALLS, LAST {days} DAYS</source>
        <translation>ANRUFE, LETZTE {days} TAGE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ANSWERED</source>
        <translation>ANGENOMMEN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OPEN TASKS THIS WEEK</source>
        <translation>OFFENE AUFGABEN DIESE WOCHE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OVERDUE TASKS</source>
        <translation>ÜBERFÄLLIGE AUFGABEN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calls per day, last {days} days</source>
        <translation>Anrufe pro Tag, letzte {days} Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calls by agent</source>
        <translation>Anrufe nach Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top tags</source>
        <translation>Häufigste Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open tasks due this week</source>
        <translation>Diese Woche fällige offene Aufgaben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Updated {v0}</source>
        <translation>Aktualisiert {v0}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>today {n}</source>
        <translation>heute {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{answered:,} of {calls:,} calls</source>
        <translation>{answered:,} von {calls:,} Anrufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} scheduled callbacks</source>
        <translation>{n} vereinbarte Rückrufe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>open past their time</source>
        <translation>offen über ihre Zeit hinaus</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+37"/>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+37"/>
        <source>Unanswered</source>
        <translation>Nicht angenommen</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Calls per day, {day:%d %b} – {day_:%d %b}</source>
        <translation>Anrufe pro Tag, {day:%d.%m.} – {day_:%d.%m.}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{day:%a %d %b}: {answered} answered, {unanswered} unanswered</source>
        <translation>{day:%d.%m.}: {answered} angenommen, {unanswered} nicht angenommen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scheduled callbacks</source>
        <translation>Vereinbarte Rückrufe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dialer tasks</source>
        <translation>Dialer-Aufgaben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ddd dd MMM</source>
        <translation>ddd, dd. MMM</translation>
    </message>
</context>
<context>
    <name>date_range</name>
    <message>
        <location filename="../../crm_desktop/date_range.py" line="+22"/>
        <source>Only from</source>
        <translation>Nur von</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>diagnostics</name>
    <message>
        <location filename="../../crm_desktop/diagnostics.py" line="+76"/>
        <source>The details are in the log file:
{path}</source>
        <translation>Die Einzelheiten stehen in der Protokolldatei:
{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The details were written to the console.</source>
        <translation>Die Einzelheiten wurden auf die Konsole geschrieben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callsheet hit an error it did not expect:
{__name__}: {exc}

{where}

Callsheet keeps running; save your work. Help ▸ Copy debug info puts versions, paths and the last log lines on the clipboard for a bug report.</source>
        <translation>Callsheet ist auf einen unerwarteten Fehler gestoßen:
{__name__}: {exc}

{where}

Callsheet läuft weiter; speichern Sie Ihre Arbeit. Hilfe ▸ Diagnose-Infos kopieren legt Versionen, Pfade und die letzten Protokollzeilen für eine Fehlermeldung in die Zwischenablage.</translation>
    </message>
</context>
<context>
    <name>duplicates_model</name>
    <message>
        <location filename="../../crm_desktop/models/duplicates_model.py" line="-13"/>
        <source>{name} (private)</source>
        <translation>{name} (privat)</translation>
    </message>
</context>
<context>
    <name>duplicates_view</name>
    <message>
        <location filename="../../crm_desktop/duplicates_view.py" line="+37"/>
        <source>Companies and persons</source>
        <translation>Firmen und Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone 2</source>
        <translation>Telefon 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Created {at}</source>
        <translation>Angelegt {at}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>◀  Merge into left</source>
        <translation>◀  In links zusammenführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the left record; move everything of the right one onto it and delete the right one</source>
        <translation>Den linken Datensatz behalten; alles vom rechten übernehmen und den rechten löschen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Merge into right  ▶</source>
        <translation>In rechts zusammenführen  ▶</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the right record; move everything of the left one onto it and delete the left one</source>
        <translation>Den rechten Datensatz behalten; alles vom linken übernehmen und den linken löschen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not duplicates</source>
        <translation>Keine Dubletten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They are different contacts: stop suggesting this pair</source>
        <translation>Es sind verschiedene Kontakte: dieses Paar nicht mehr vorschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+80"/>
        <source>Open left</source>
        <translation>Links öffnen</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+79"/>
        <source>Open right</source>
        <translation>Rechts öffnen</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Look again</source>
        <translation>Erneut suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Companies and persons with the same phone number, the same e-mail address or a similar name. Merging keeps one record and moves the other&apos;s calls, tasks, campaign places and persons onto it.</source>
        <translation>Firmen und Personen mit derselben Telefonnummer, derselben E-Mail-Adresse oder einem ähnlichen Namen. Beim Zusammenführen bleibt ein Datensatz erhalten; Anrufe, Aufgaben, Kampagnenplätze und Personen des anderen gehen auf ihn über.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{n} possible duplicates</source>
        <translation>{n} mögliche Dubletten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 possible duplicate</source>
        <translation>1 mögliche Dublette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No possible duplicates.</source>
        <translation>Keine möglichen Dubletten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keep left, merge right into it</source>
        <translation>Links behalten, rechts hineinführen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep right, merge left into it</source>
        <translation>Rechts behalten, links hineinführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not the same</source>
        <translation>Nicht dieselben</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;span style=&apos;color:#9ca3af&apos;&gt;Select a pair to compare.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#9ca3af&apos;&gt;Wählen Sie ein Paar zum Vergleichen.&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Merge contacts</source>
        <translation>Kontakte zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep “{v0}” and merge “{v1}” into it?

Its empty fields are filled from the other record; calls, tasks, campaign places{v2} move over; then “{v1}” is deleted. The audit trail keeps what it was.</source>
        <translation>„{v0}“ behalten und „{v1}“ hineinführen?

Leere Felder werden aus dem anderen Datensatz gefüllt; Anrufe, Aufgaben, Kampagnenplätze{v2} gehen über; dann wird „{v1}“ gelöscht. Das Änderungsprotokoll bewahrt, was es war.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> and persons</source>
        <translation> und Personen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not merged</source>
        <translation>Nicht zusammengeführt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merged {v0} into {v1}.</source>
        <translation>{v0} in {v1} zusammengeführt.</translation>
    </message>
</context>
<context>
    <name>edit_menu</name>
    <message>
        <location filename="../../crm_desktop/edit_menu.py" line="+64"/>
        <location line="+28"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+31"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Undo {undo}</source>
        <translation>&amp;Rückgängig: {undo}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redo {redo}</source>
        <translation>&amp;Wiederholen: {redo}</translation>
    </message>
</context>
<context>
    <name>empty_state</name>
    <message>
        <location filename="../../crm_desktop/empty_state.py" line="+25"/>
        <source>No {plural} yet</source>
        <translation>Noch keine {plural}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the first {noun} by hand, import your contacts from a CSV file (Excel and Outlook exports work), or load the demo data to look around.</source>
        <translation>Legen Sie die erste {noun} von Hand an, importieren Sie Ihre Kontakte aus einer CSV-Datei (Exporte aus Excel und Outlook funktionieren) oder laden Sie die Demodaten, um sich umzusehen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New {noun}</source>
        <translation>Neue {noun}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load demo data</source>
        <translation>Demodaten laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>32 companies with their people, three campaigns, tasks and a month of calls</source>
        <translation>32 Firmen mit ihren Personen, drei Kampagnen, Aufgaben und ein Monat Anrufe</translation>
    </message>
</context>
<context>
    <name>erase_dialog</name>
    <message>
        <location filename="../../crm_desktop/erase_dialog.py" line="+27"/>
        <source>Erase personal data</source>
        <translation>Personenbezogene Daten löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;Erase the personal data of &lt;b&gt;{v0}&lt;/b&gt; (GDPR Art. 17)?&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Name, phone numbers, e-mail, city and notes are removed; the record stays as &lt;i&gt;Erased person&lt;/i&gt; so statistics add up.&lt;/li&gt;&lt;li&gt;{v1} call(s) stay without number, notes and tag data.&lt;/li&gt;&lt;li&gt;{v2} task(s) and {v3} campaign place(s) are removed.&lt;/li&gt;&lt;li&gt;The phone numbers stay blocked: a contact created later with one of them is do-not-call (the objection holds).&lt;/li&gt;&lt;li&gt;{v4}&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;This cannot be undone.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die personenbezogenen Daten von &lt;b&gt;{v0}&lt;/b&gt; löschen (DSGVO Art. 17)?&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Name, Telefonnummern, E-Mail, Ort und Notizen werden entfernt; der Datensatz bleibt als &lt;i&gt;Gelöschte Person&lt;/i&gt;, damit die Statistik stimmt.&lt;/li&gt;&lt;li&gt;{v1} Anruf(e) bleiben ohne Nummer, Notizen und Tag-Daten.&lt;/li&gt;&lt;li&gt;{v2} Aufgabe(n) und {v3} Kampagnenplätze werden entfernt.&lt;/li&gt;&lt;li&gt;Die Telefonnummern bleiben gesperrt: Ein später mit einer davon angelegter Kontakt ist „Nicht anrufen“ (der Widerspruch gilt weiter).&lt;/li&gt;&lt;li&gt;{v4}&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Dies lässt sich nicht rückgängig machen.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backups of the shared database made before now still hold the data; after restoring one, apply the saved privacy log again (privacy reapply).</source>
        <translation>Sicherungen der gemeinsamen Datenbank von vor diesem Zeitpunkt enthalten die Daten noch; wenden Sie nach dem Wiederherstellen einer Sicherung das gespeicherte Datenschutzprotokoll erneut an (privacy reapply).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backups made before now still hold the data; a restore erases it again.</source>
        <translation>Sicherungen von vor diesem Zeitpunkt enthalten die Daten noch; eine Wiederherstellung löscht sie erneut.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. request by letter of 2026-11-26 (no names)</source>
        <translation>z. B. Antrag per Brief vom 26.11.2026 (keine Namen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reason (kept in the privacy log)</source>
        <translation>&amp;Grund (wird im Datenschutzprotokoll festgehalten)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../crm_desktop/company_card.py" line="-146"/>
        <source>&amp;Name *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Company name, e.g. CX Labs GmbH</source>
        <translation>Firmenname, z. B. CX Labs GmbH</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../crm_desktop/person_card.py" line="+108"/>
        <source>Street and number</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../crm_desktop/person_card.py" line="+2"/>
        <source>&amp;ZIP code</source>
        <translation>&amp;PLZ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../crm_desktop/person_card.py" line="+1"/>
        <source>C&amp;ity</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../crm_desktop/person_card.py" line="+1"/>
        <source>C&amp;ountry</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../crm_desktop/person_card.py" line="-30"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>office@example.com</source>
        <translation>office@example.com</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../crm_desktop/person_card.py" line="+10"/>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>089 443228-0 or +49 89 …</source>
        <translation>089 443228-0 oder +49 89 …</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../crm_desktop/person_card.py" line="+7"/>
        <source>Phone &amp;2</source>
        <translation>Telefon &amp;2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../crm_desktop/person_card.py" line="+17"/>
        <source>No&amp;tes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../crm_desktop/person_card.py" line="+5"/>
        <source>Anything colleagues should know</source>
        <translation>Was Kollegen wissen sollten</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/person_card.py" line="-83"/>
        <source>&amp;Salutation</source>
        <translation>An&amp;rede</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frau, Herr, Ms …</source>
        <translation>Frau, Herr, Dr. …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Display name</source>
        <translation>An&amp;zeigename</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional: first + last name</source>
        <translation>optional: Vor- + Nachname</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;First name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Last name</source>
        <translation>&amp;Nachname</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Job title</source>
        <translation>&amp;Funktion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Head of purchasing</source>
        <translation>Leitung Einkauf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Depart&amp;ment</source>
        <translation>A&amp;bteilung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Purchasing</source>
        <translation>Einkauf</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>0151 2345678 or +49 151 …</source>
        <translation>0151 2345678 oder +49 151 …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>St&amp;reet</source>
        <translation>&amp;Straße</translation>
    </message>
</context>
<context>
    <name>file_dialogs</name>
    <message>
        <location filename="../../crm_desktop/file_dialogs.py" line="+69"/>
        <source>{path} is a file of Callsheet&apos;s database, which is in use; choose another file.</source>
        <translation>{path} ist eine Datei der Callsheet-Datenbank, die in Gebrauch ist; wählen Sie eine andere Datei.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../crm_desktop/formatting.py" line="+55"/>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API (Apollo)</source>
        <translation>API (Apollo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command line</source>
        <translation>Kommandozeile</translation>
    </message>
</context>
<context>
    <name>import_dialog</name>
    <message>
        <location filename="../../crm_desktop/import_dialog.py" line="+72"/>
        <source>Merge into existing</source>
        <translation>In vorhandenen zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import anyway</source>
        <translation>Trotzdem importieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+215"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>✗ cannot import</source>
        <translation>✗ nicht importierbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ duplicate?</source>
        <translation>⚠ Duplikat?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks like {matches}</source>
        <translation>Sieht aus wie {matches}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ new person, without {columns}</source>
        <translation>⚠ neue Person, ohne {columns}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ new company, without {columns}</source>
        <translation>⚠ neue Firma, ohne {columns}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ new person, check {column}</source>
        <translation>⚠ neue Person, {column} prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ new company, check {column}</source>
        <translation>⚠ neue Firma, {column} prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ new person</source>
        <translation>✓ neue Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ new company</source>
        <translation>✓ neue Firma</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{n:,} rows</source>
        <translation>{n:,} Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import contacts from CSV</source>
        <translation>Kontakte aus CSV importieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+498"/>
        <source>Check rows…</source>
        <translation>Zeilen prüfen…</translation>
    </message>
    <message>
        <location line="-495"/>
        <location line="+502"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="-482"/>
        <source>Choose a CSV file exported from Excel, Outlook or another CRM</source>
        <translation>Wählen Sie eine CSV-Datei, exportiert aus Excel, Outlook oder einem anderen CRM</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First value</source>
        <translation>Erster Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported as</source>
        <translation>Importiert als</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1 · File and columns</source>
        <translation>1 · Datei und Spalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview: the first {PREVIEW_ROWS} rows as they will be stored</source>
        <translation>Vorschau: die ersten {PREVIEW_ROWS} Zeilen, wie sie gespeichert werden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>2 · Possible duplicates</source>
        <translation>2 · Mögliche Dubletten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apply to all</source>
        <translation>Auf alle anwenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In the file</source>
        <translation>In der Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks like</source>
        <translation>Ähnelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do</source>
        <translation>Was tun</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>For every row:</source>
        <translation>Für jede Zeile:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows that cannot be imported (fix them in the file, or import the rest and fix them later), and fields left out</source>
        <translation>Zeilen, die nicht importiert werden können (in der Datei korrigieren oder den Rest importieren und sie später korrigieren), und ausgelassene Felder</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>3 · Report</source>
        <translation>3 · Bericht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save failed rows…</source>
        <translation>Fehlerhafte Zeilen speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The failed rows as CSV, with why, to fix and import again</source>
        <translation>Die fehlerhaften Zeilen als CSV, mit Grund, zum Korrigieren und erneuten Importieren</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the file</source>
        <translation>Die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n:,} columns</source>
        <translation>{n:,} Spalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 column</source>
        <translation>1 Spalte</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(column {n})</source>
        <translation>(Spalte {n})</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Checking rows… %v of %m</source>
        <translation>Prüfe Zeilen… %v von %m</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;{ok:,}&lt;/b&gt; of {rows} can be imported; {dupes} like contacts you have (or earlier rows of the file), &lt;b&gt;{failed:,}&lt;/b&gt; cannot be imported.</source>
        <translation>&lt;b&gt;{ok:,}&lt;/b&gt; von {rows} können importiert werden; {dupes} vorhandenen Kontakten (oder früheren Zeilen der Datei), &lt;b&gt;{failed:,}&lt;/b&gt; können nicht importiert werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;{n:,}&lt;/b&gt; look</source>
        <translation>&lt;b&gt;{n:,}&lt;/b&gt; ähneln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;1&lt;/b&gt; looks</source>
        <translation>&lt;b&gt;1&lt;/b&gt; ähnelt</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>{counts} · {delim}-separated · {encoding} · phone numbers without +country are read as {region}</source>
        <translation>{counts} · getrennt durch {delim} · {encoding} · Telefonnummern ohne +Land gelten als {region}</translation>
    </message>
    <message>
        <location line="-326"/>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bar</source>
        <translation>senkrechten Strich</translation>
    </message>
    <message>
        <location line="+346"/>
        <source>— not imported —</source>
        <translation>— nicht importiert —</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All &lt;b&gt;{rows:,}&lt;/b&gt; rows can be imported</source>
        <translation>Alle &lt;b&gt;{rows:,}&lt;/b&gt; Zeilen können importiert werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The &lt;b&gt;1&lt;/b&gt; row can be imported</source>
        <translation>Die &lt;b&gt;1&lt;/b&gt; Zeile kann importiert werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, and none looks like a contact you have.</source>
        <translation>, und keine ähnelt einem vorhandenen Kontakt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{error}  ({row}; the row is imported without it)</source>
        <translation>{error}  ({row}; die Zeile wird ohne dieses Feld importiert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>⚠ Row {row}: {label} is flagged do-not-call. Importing it anyway makes a copy, and the copy is flagged do-not-call too.</source>
        <translation>⚠ Zeile {row}: {label} ist auf „Nicht anrufen“ gesetzt. Trotzdem importieren legt eine Kopie an, und auch die Kopie wird auf „Nicht anrufen“ gesetzt.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing… %v of %m rows</source>
        <translation>Importiere… %v von %m Zeilen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import cancelled. Nothing was imported: the database is as it was.</source>
        <translation>Import abgebrochen. Nichts wurde importiert: Die Datenbank ist unverändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The import failed and was rolled back; nothing was imported.

{msg}</source>
        <translation>Der Import ist fehlgeschlagen und wurde zurückgenommen; nichts wurde importiert.

{msg}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Every row was imported, merged or skipped as decided.</source>
        <translation>Jede Zeile wurde wie entschieden importiert, zusammengeführt oder übersprungen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save failed rows</source>
        <translation>Fehlerhafte Zeilen speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../crm_desktop/contact_card.py" line="-827"/>
        <source>Save the card</source>
        <translation>Die Karte speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revert the card (asks when there are unsaved changes)</source>
        <translation>Die Karte verwerfen (fragt bei ungespeicherten Änderungen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set or lift do-not-call</source>
        <translation>„Nicht anrufen“ setzen oder aufheben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a task for the card&apos;s contact</source>
        <translation>Eine Aufgabe für den Kontakt der Karte anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the card&apos;s contact</source>
        <translation>Den Kontakt der Karte löschen</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/contacts_view.py" line="-384"/>
        <source>Open the selected contact&apos;s card</source>
        <translation>Die Karte des ausgewählten Kontakts öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected contact</source>
        <translation>Den ausgewählten Kontakt löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the selected contacts to a campaign</source>
        <translation>Die ausgewählten Kontakte einer Kampagne hinzufügen</translation>
    </message>
    <message>
        <location filename="../../crm_desktop/person_card.py" line="-75"/>
        <source>Move the person to another company</source>
        <translation>Die Person zu einer anderen Firma verschieben</translation>
    </message>
</context>
<context>
    <name>list_tools</name>
    <message>
        <location filename="../../crm_desktop/list_tools.py" line="+65"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
</context>
<context>
    <name>lookup_tester</name>
    <message>
        <location filename="../../crm_desktop/lookup_tester.py" line="+37"/>
        <source>its Phone</source>
        <translation>ihrem Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its Phone 2</source>
        <translation>ihrem Telefon 2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the person {label}</source>
        <translation>die Person {label}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the company {name}</source>
        <translation>die Firma {name}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The caller&apos;s number as you have it, e.g. 089 443228-150</source>
        <translation>Die Nummer des Anrufers, wie Sie sie haben, z. B. 089 443228-150</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look up</source>
        <translation>Nachschlagen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Apollo sends the caller&apos;s number in international form (E.164) and Callsheet answers with every contact whose &lt;b&gt;Phone&lt;/b&gt; or &lt;b&gt;Phone 2&lt;/b&gt; is exactly that number. When nothing matches, a company whose number is the start of the caller&apos;s number (at least 6 digits: a switchboard, the caller dialling from an extension) is found instead.</source>
        <translation>Apollo sendet die Nummer des Anrufers in internationaler Form (E.164), und Callsheet antwortet mit jedem Kontakt, dessen &lt;b&gt;Telefon&lt;/b&gt; oder &lt;b&gt;Telefon 2&lt;/b&gt; genau diese Nummer ist. Passt nichts, wird stattdessen eine Firma gefunden, deren Nummer der Anfang der Anrufernummer ist (mindestens 6 Ziffern: eine Zentrale, der Anrufer wählt von einer Durchwahl).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lookup tester</source>
        <translation>Nummerntest</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Type a number to see what the screen pop would find.</source>
        <translation>Geben Sie eine Nummer ein, um zu sehen, was der Screen-Pop finden würde.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;span style=&quot;color:#b71c1c&quot;&gt;{v0}&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#b71c1c&quot;&gt;{v0}&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apollo sends: {e164}   ({v1})</source>
        <translation>Apollo sendet: {e164}   ({v1})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Found by the switchboard rule.</source>
        <translation>Über die Zentralen-Regel gefunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contact has exactly this number, but {who} has {number}, which is the start of it. Apollo gets the company.</source>
        <translation>Kein Kontakt hat genau diese Nummer, aber {who} hat {number}, und das ist ihr Anfang. Apollo erhält die Firma.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apollo&apos;s answer</source>
        <translation>Antwort an Apollo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>switchboard {v0}</source>
        <translation>Zentrale {v0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To find the person instead, put this number into the person&apos;s Phone or Phone 2.</source>
        <translation>Um stattdessen die Person zu finden, tragen Sie diese Nummer bei der Person unter Telefon oder Telefon 2 ein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Found {n} contacts.</source>
        <translation>{n} Kontakte gefunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found 1 contact.</source>
        <translation>1 Kontakt gefunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exact match on {how} of {who} and {more} more.</source>
        <translation>Genauer Treffer bei {how} von {who} und {more} weiteren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact match on {how} of {who}.</source>
        <translation>Genauer Treffer bei {how} von {who}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;span style=&quot;color:#1b5e20&quot;&gt;&lt;b&gt;{v0}&lt;/b&gt;&lt;/span&gt; {shown}</source>
        <translation>&lt;span style=&quot;color:#1b5e20&quot;&gt;&lt;b&gt;{v0}&lt;/b&gt;&lt;/span&gt; {shown}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apollo&apos;s answer (persons first, then companies)</source>
        <translation>Antwort an Apollo (erst Personen, dann Firmen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>exact match on {v0}</source>
        <translation>genauer Treffer bei {v0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Several contacts share this number; Apollo shows the agent all of them.</source>
        <translation>Mehrere Kontakte haben diese Nummer; Apollo zeigt dem Agenten alle.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;span style=&quot;color:#b71c1c&quot;&gt;&lt;b&gt;No match.&lt;/b&gt;&lt;/span&gt; Apollo&apos;s screen pop would find nobody for this number.</source>
        <translation>&lt;span style=&quot;color:#b71c1c&quot;&gt;&lt;b&gt;Kein Treffer.&lt;/b&gt;&lt;/span&gt; Der Screen-Pop von Apollo fände für diese Nummer niemanden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nearest stored numbers</source>
        <translation>Ähnlichste gespeicherte Nummern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has {v0} ({number})</source>
        <translation>hat {v0} ({number})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If one of these is the caller, open the card and correct the number, or add it as Phone 2.</source>
        <translation>Ist einer davon der Anrufer, öffnen Sie die Karte und korrigieren Sie die Nummer oder tragen Sie sie als Telefon 2 ein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No stored number starts like this one.</source>
        <translation>Keine gespeicherte Nummer beginnt wie diese.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Double-click to open the card</source>
        <translation>Doppelklick öffnet die Karte</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <location filename="../../crm_desktop/main_window.py" line="+85"/>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup tester</source>
        <translation>Nummerntest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicates</source>
        <translation>Dubletten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown callers</source>
        <translation>Unbekannte Anrufer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My tasks</source>
        <translation>Meine Aufgaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recently deleted</source>
        <translation>Zuletzt gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>API off (started with --no-api)</source>
        <translation>API aus (mit --no-api gestartet)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Saved filters</source>
        <translation>Meine &amp;Filter</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>No API request yet</source>
        <translation>Noch keine API-Anfrage</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;company</source>
        <translation>Neue &amp;Firma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;person</source>
        <translation>Neue &amp;Person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Contacts as &amp;vCard…</source>
        <translation>Kontakte als &amp;vCard…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Back up database…</source>
        <translation>Datenbank &amp;sichern…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open backups &amp;folder</source>
        <translation>Sicherungs&amp;ordner öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;rivacy settings…</source>
        <translation>&amp;Datenschutz-Einstellungen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;filter…</source>
        <translation>&amp;Filter speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Card</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;note…</source>
        <translation>Neue &amp;Notiz…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close card</source>
        <translation>Karte &amp;schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next card</source>
        <translation>N&amp;ächste Karte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Previous card</source>
        <translation>&amp;Vorherige Karte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E&amp;xport personal data…</source>
        <translation>Personenbezogene Daten e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Erase personal data…</source>
        <translation>Personenbezogene Daten &amp;löschen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy &amp;debug info</source>
        <translation>&amp;Diagnose-Infos kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;About {name}</source>
        <translation>&amp;Über {name}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Filters can be saved on Companies, Persons, Tasks and Calls.</source>
        <translation>Filter lassen sich bei Firmen, Personen, Aufgaben und Anrufen speichern.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the filter:</source>
        <translation>Name des Filters:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved filter “{name}”: under Saved filters on the left.</source>
        <translation>Filter „{name}“ gespeichert: links unter Gespeicherte Filter.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>{v0} created; {n} earlier call(s) of {v3} linked.</source>
        <translation>{v0} angelegt; {n} frühere(r) Anruf(e) von {v3} verknüpft.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+558"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="-557"/>
        <source>{v0} has unsaved changes. Close it and lose them?</source>
        <translation>{v0} hat ungespeicherte Änderungen. Schließen und verwerfen?</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open a contact&apos;s card to write a note on it.</source>
        <translation>Öffnen Sie die Karte eines Kontakts, um eine Notiz dazu zu schreiben.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open a person&apos;s card first</source>
        <translation>Öffnen Sie zuerst die Karte einer Person</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Personal data written: {name} and the readable copy {name_}, in {parent}</source>
        <translation>Personenbezogene Daten geschrieben: {name} und die lesbare Kopie {name_}, in {parent}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The person&apos;s personal data was erased; the numbers stay blocked.</source>
        <translation>Die personenbezogenen Daten der Person wurden gelöscht; die Nummern bleiben gesperrt.</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+12"/>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>To-do due</source>
        <translation>To-do fällig</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&lt;span style=&quot;color:#dc2626&quot;&gt;●&lt;/span&gt; &lt;span style=&quot;color:#b91c1c&quot;&gt;API error: {v0}&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#dc2626&quot;&gt;●&lt;/span&gt; &lt;span style=&quot;color:#b91c1c&quot;&gt;API-Fehler: {v0}&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;span style=&quot;color:#16a34a&quot;&gt;●&lt;/span&gt; API listening on &lt;b&gt;{v0}&lt;/b&gt;</source>
        <translation>&lt;span style=&quot;color:#16a34a&quot;&gt;●&lt;/span&gt; API lauscht auf &lt;b&gt;{v0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apollo calls Callsheet here. Settings: Ctrl+,</source>
        <translation>Hier ruft Apollo Callsheet auf. Einstellungen: Strg+,</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;span style=&quot;color:#dc2626&quot;&gt;●&lt;/span&gt; &lt;span style=&quot;color:#b91c1c&quot;&gt;API not running&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#dc2626&quot;&gt;●&lt;/span&gt; &lt;span style=&quot;color:#b91c1c&quot;&gt;API läuft nicht&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;span style=&quot;color:#9ca3af&quot;&gt;●&lt;/span&gt; {v0}</source>
        <translation>&lt;span style=&quot;color:#9ca3af&quot;&gt;●&lt;/span&gt; {v0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Last request {at} · {client} · {method} {path} → {status}</source>
        <translation>Letzte Anfrage {at} · {client} · {method} {path} → {status}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>API not served from this PC (the office API service serves Apollo)</source>
        <translation>API nicht von diesem PC bereitgestellt (der API-Dienst des Büros bedient Apollo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+40"/>
        <source>Database on this PC: {name}</source>
        <translation>Datenbank auf diesem PC: {name}</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Shared database {where}</source>
        <translation>Gemeinsame Datenbank {where}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;span style=&quot;color:#dc2626&quot;&gt;●&lt;/span&gt; &lt;span style=&quot;color:#b91c1c&quot;&gt;shared database unreachable&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#dc2626&quot;&gt;●&lt;/span&gt; &lt;span style=&quot;color:#b91c1c&quot;&gt;gemeinsame Datenbank nicht erreichbar&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Callsheet reconnects by itself when it is back.</source>
        <translation>Callsheet verbindet sich von selbst wieder, sobald sie zurück ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;span style=&quot;color:#9ca3af&quot;&gt;●&lt;/span&gt; {text}</source>
        <translation>&lt;span style=&quot;color:#9ca3af&quot;&gt;●&lt;/span&gt; {text}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;span style=&quot;color:#16a34a&quot;&gt;●&lt;/span&gt; {text}</source>
        <translation>&lt;span style=&quot;color:#16a34a&quot;&gt;●&lt;/span&gt; {text}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not reopen the shared database: {e}</source>
        <translation>Die gemeinsame Datenbank konnte nicht wieder geöffnet werden: {e}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This PC now serves the API: {url}</source>
        <translation>Dieser PC stellt jetzt die API bereit: {url}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restart Callsheet to see the new language.</source>
        <translation>Starten Sie Callsheet neu, um die neue Sprache zu sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart Callsheet to open the other database.</source>
        <translation>Starten Sie Callsheet neu, um die andere Datenbank zu öffnen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+5"/>
        <source>The API was restarted: {url}</source>
        <translation>Die API wurde neu gestartet: {url}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new API key is in use; give it to Apollo.</source>
        <translation>Ein neuer API-Schlüssel ist in Gebrauch; geben Sie ihn Apollo.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demo data loaded: {v0} companies, {v1} persons.</source>
        <translation>Demodaten geladen: {v0} Firmen, {v1} Personen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {n} {v1} to {path}.</source>
        <translation>{n} {v1} nach {path} exportiert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Back up a shared database on its server: callsheet-api backup (README, Team setup).</source>
        <translation>Eine gemeinsame Datenbank wird auf ihrem Server gesichert: callsheet-api backup (README, Team-Einrichtung).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Back up database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Callsheet database (*.db)</source>
        <translation>Callsheet-Datenbank (*.db)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backing up…</source>
        <translation>Sicherung läuft…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Debug info copied: paste it into your message or bug report.</source>
        <translation>Diagnose-Infos kopiert: Fügen Sie sie in Ihre Nachricht oder Fehlermeldung ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The office&apos;s CRM, with the API the Apollo contact center calls built in.</source>
        <translation>Das CRM des Büros, mit eingebauter API für das Apollo-Contact-Center.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: {path}</source>
        <translation>Datenbank: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About {name}</source>
        <translation>Über {name}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unsaved changes in: {v0}. Quit and lose them?</source>
        <translation>Ungespeicherte Änderungen in: {v0}. Beenden und verwerfen?</translation>
    </message>
</context>
<context>
    <name>my_tasks_view</name>
    <message>
        <location filename="../../crm_desktop/my_tasks_view.py" line="+39"/>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomorrow 9:00</source>
        <translation>Morgen 9:00</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>✓ done</source>
        <translation>✓ erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ overdue</source>
        <translation>⚠ überfällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>snoozed</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To do</source>
        <translation>Zu erledigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+6"/>
        <source>My tasks</source>
        <translation>Meine Aufgaben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click to open the to-do&apos;s contact</source>
        <translation>Doppelklick öffnet den Kontakt des To-dos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;done</source>
        <translation>&amp;Erledigte zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New to-do…</source>
        <translation>Neues To-do…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+40"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Tick the selected to-do off (or open a done one again)</source>
        <translation>Das ausgewählte To-do abhaken (oder ein erledigtes wieder öffnen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+38"/>
        <source>Snooze</source>
        <translation>Später erinnern</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Remind me again later</source>
        <translation>Später erneut erinnern</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Open contact</source>
        <translation>Kontakt öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open again</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>for {owner} (Your name in Settings, Ctrl+,)</source>
        <translation>für {owner} (Ihr Name in den Einstellungen, Strg+,)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{open_} open</source>
        <translation>{open_} offen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>“{title}”: reminder again at {v1}.</source>
        <translation>„{title}“: erneute Erinnerung um {v1}.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Due {at}: {title}</source>
        <translation>Fällig {at}: {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} to-dos are due: </source>
        <translation>{n} To-dos sind fällig: </translation>
    </message>
</context>
<context>
    <name>note_dialog</name>
    <message>
        <location filename="../../crm_desktop/note_dialog.py" line="+24"/>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note on &lt;b&gt;{contact}&lt;/b&gt; by {author}</source>
        <translation>Notiz zu &lt;b&gt;{contact}&lt;/b&gt; von {author}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note text</source>
        <translation>Notiztext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was said, agreed or promised</source>
        <translation>Was gesagt, vereinbart oder versprochen wurde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
</context>
<context>
    <name>nouns</name>
    <message>
        <location filename="../../crm_desktop/i18n.py" line="+145"/>
        <source>company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
</context>
<context>
    <name>paged_model</name>
    <message>
        <location filename="../../crm_desktop/models/paged_model.py" line="+244"/>
        <source>This list has more than {CLIENT_SORT_LIMIT:,} rows, so it stays sorted by name. Type a filter to narrow it down, then sort by any column.</source>
        <translation>Diese Liste hat mehr als {CLIENT_SORT_LIMIT:,} Zeilen und bleibt daher nach Namen sortiert. Grenzen Sie sie mit einem Filter ein und sortieren Sie dann nach beliebiger Spalte.</translation>
    </message>
</context>
<context>
    <name>person_card</name>
    <message>
        <location filename="../../crm_desktop/person_card.py" line="+102"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move this person to another company, or make it private (Ctrl+Shift+M)</source>
        <translation>Diese Person zu einer anderen Firma verschieben oder privat machen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;i&gt;private (no company)&lt;/i&gt;</source>
        <translation>&lt;i&gt;privat (keine Firma)&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;a href=&quot;company:{v0}&quot;&gt;{v1}&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;company:{v0}&quot;&gt;{v1}&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Delete person</source>
        <translation>Person löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {name}? Their open tasks and campaign places go with them; their calls stay in the journal. Recently deleted keeps them for 30 days.</source>
        <translation>{name} löschen? Offene Aufgaben und Kampagnenplätze werden mitgelöscht; die Anrufe bleiben im Journal. „Zuletzt gelöscht“ bewahrt die Person 30 Tage auf.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{role} at {company}</source>
        <translation>{role} bei {company}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{role} · private customer</source>
        <translation>{role} · Privatkunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private customer (no company)</source>
        <translation>Privatkunde (keine Firma)</translation>
    </message>
</context>
<context>
    <name>personal_data</name>
    <message>
        <location filename="../../crm_desktop/personal_data.py" line="+30"/>
        <source>Export personal data</source>
        <translation>Personenbezogene Daten exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Erase personal data</source>
        <translation>Personenbezogene Daten löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person&apos;s personal data was erased already.</source>
        <translation>Die personenbezogenen Daten dieser Person wurden bereits gelöscht.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Erase failed</source>
        <translation>Löschen fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>persons_model</name>
    <message>
        <location filename="../../crm_desktop/models/persons_model.py" line="+28"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>pop_notice</name>
    <message>
        <location filename="../../crm_desktop/pop_notice.py" line="+38"/>
        <source>Open card</source>
        <translation>Karte öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Incoming call: &lt;b&gt;{v0}&lt;/b&gt;</source>
        <translation>Eingehender Anruf: &lt;b&gt;{v0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>privacy_view</name>
    <message>
        <location filename="../../crm_desktop/privacy_view.py" line="+41"/>
        <source>Double-click a row to open the record</source>
        <translation>Doppelklick auf eine Zeile öffnet den Datensatz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Privacy settings…</source>
        <translation>Datenschutz-Einstellungen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retention rules, with a Preview of what would go</source>
        <translation>Aufbewahrungsregeln, mit einer Vorschau dessen, was entfernt würde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Privacy log</source>
        <translation>Datenschutzprotokoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every export and erasure of personal data and every retention run, without personal data. A copy is kept beside the database (…db.privacy-log.jsonl); restoring a backup applies the erasures made since.</source>
        <translation>Jeder Export und jede Löschung personenbezogener Daten und jeder Aufbewahrungslauf, ohne personenbezogene Daten. Eine Kopie liegt neben der Datenbank (…db.privacy-log.jsonl); beim Wiederherstellen einer Sicherung werden die seitdem erfolgten Löschungen erneut angewandt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every export and erasure of personal data and every retention run, without personal data, by every PC on the shared database. The rules run on the API service (callsheet-api serve).</source>
        <translation>Jeder Export und jede Löschung personenbezogener Daten und jeder Aufbewahrungslauf, ohne personenbezogene Daten, von jedem PC an der gemeinsamen Datenbank. Die Regeln laufen im API-Dienst (callsheet-api serve).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{v0} event(s)</source>
        <translation>{v0} Ereignis(se)</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+7"/>
        <source>Retention run failed: {error}</source>
        <translation>Aufbewahrungslauf fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retention: deleted {calls}, anonymised {persons}.</source>
        <translation>Aufbewahrung: {calls} gelöscht, {persons} anonymisiert.</translation>
    </message>
</context>
<context>
    <name>record_model</name>
    <message>
        <location filename="../../crm_desktop/lookup_tester.py" line="-3"/>
        <location filename="../../crm_desktop/models/card_models.py" line="-47"/>
        <location filename="../../crm_desktop/models/contacts_model.py" line="+1"/>
        <location filename="../../crm_desktop/models/record_model.py" line="+23"/>
        <location filename="../../crm_desktop/search_box.py" line="+56"/>
        <source>⊘ do not call</source>
        <translation>⊘ nicht anrufen</translation>
    </message>
</context>
<context>
    <name>retention_dialog</name>
    <message>
        <location filename="../../crm_desktop/retention_dialog.py" line="+37"/>
        <source>Privacy settings</source>
        <translation>Datenschutz-Einstellungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>keep forever</source>
        <translation>für immer behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete call records older than</source>
        <translation>Anrufe löschen, die älter sind als</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anonymise persons with no call, task or edit for</source>
        <translation>Personen anonymisieren ohne Anruf, Aufgabe oder Änderung seit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The rules run once a day while Callsheet or callsheet-api serve runs; each run is written to the privacy log. Consent records are kept five years after their last use whatever these say.</source>
        <translation>Die Regeln laufen einmal täglich, während Callsheet oder callsheet-api serve läuft; jeder Lauf wird im Datenschutzprotokoll festgehalten. Einwilligungen werden unabhängig davon fünf Jahre nach ihrer letzten Nutzung aufbewahrt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List what a run with these values would remove now</source>
        <translation>Auflisten, was ein Lauf mit diesen Werten jetzt entfernen würde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Press Preview to see what would go.</source>
        <translation>Klicken Sie auf Vorschau, um zu sehen, was entfernt würde.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Both rules are off: nothing is removed.</source>
        <translation>Beide Regeln sind aus: nichts wird entfernt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} call record(s) started before {date} would be deleted.</source>
        <translation>Anrufe, die vor dem {date} begannen, würden gelöscht: {n}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  call {id}  {started}</source>
        <translation>  Anruf {id}  {started}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  … and {n} more</source>
        <translation>  … und {n} weitere</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} person(s) idle since before {date} would be anonymised:</source>
        <translation>Personen, die seit vor dem {date} nicht aktiv waren, würden anonymisiert ({n}):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  {name}  (last activity {date})</source>
        <translation>  {name}  (zuletzt aktiv {date})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} consent proof(s) of erased persons, kept five years after last use, would be deleted.</source>
        <translation>Einwilligungsnachweise gelöschter Personen, fünf Jahre nach der letzten Nutzung aufbewahrt, würden gelöscht: {n}.</translation>
    </message>
</context>
<context>
    <name>saved_filters</name>
    <message>
        <location filename="../../crm_desktop/saved_filters.py" line="+31"/>
        <source>Companies, filtered</source>
        <translation>Firmen, gefiltert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons, filtered</source>
        <translation>Personen, gefiltert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks, filtered</source>
        <translation>Aufgaben, gefiltert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls, filtered</source>
        <translation>Anrufe, gefiltert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>My open callbacks</source>
        <translation>Meine offenen Rückrufe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do-not-call contacts</source>
        <translation>Kontakte mit „Nicht anrufen“</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{list} (right-click to delete)</source>
        <translation>{list} (Rechtsklick zum Löschen)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete saved filter</source>
        <translation>Gespeicherten Filter löschen</translation>
    </message>
</context>
<context>
    <name>search_box</name>
    <message>
        <location filename="../../crm_desktop/search_box.py" line="-25"/>
        <source>Search name, e-mail or phone  (Ctrl+K)</source>
        <translation>Name, E-Mail oder Telefon suchen  (Strg+K)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Nothing found for “{text}”</source>
        <translation>Nichts gefunden für „{text}“</translation>
    </message>
</context>
<context>
    <name>settings_dialog</name>
    <message>
        <location filename="../../crm_desktop/settings_dialog.py" line="+52"/>
        <source>set by the command line ({flag}); read-only here</source>
        <translation>über die Kommandozeile gesetzt ({flag}); hier nur lesbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set by {env}; read-only here (unset it to change it here)</source>
        <translation>über {env} gesetzt; hier nur lesbar (zum Ändern hier die Variable entfernen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>saved in this database</source>
        <translation>in dieser Datenbank gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>127.0.0.1: only this PC. 0.0.0.0: every network interface (Apollo on another machine).</source>
        <translation>127.0.0.1: nur dieser PC. 0.0.0.0: alle Netzwerkschnittstellen (Apollo auf einem anderen Rechner).</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+112"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New key…</source>
        <translation>Neuer Schlüssel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the key; Apollo must then be given the new one</source>
        <translation>Den Schlüssel ersetzen; Apollo muss dann den neuen erhalten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One copy a day goes to the backups folder beside the database; older ones beyond this many are deleted.</source>
        <translation>Eine Kopie pro Tag kommt in den Sicherungsordner neben der Datenbank; ältere über diese Anzahl hinaus werden gelöscht.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API port</source>
        <translation>API-Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default phone region</source>
        <translation>Standard-Telefonregion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily backups kept</source>
        <translation>Aufbewahrte Tagessicherungen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Apollo reaches Callsheet at this address and port and sends the API key as &lt;code&gt;Authorization: Bearer &amp;lt;key&amp;gt;&lt;/code&gt;. Changing the address or port restarts the API.</source>
        <translation>Apollo erreicht Callsheet unter dieser Adresse und diesem Port und sendet den API-Schlüssel als &lt;code&gt;Authorization: Bearer &amp;lt;key&amp;gt;&lt;/code&gt;. Eine Änderung von Adresse oder Port startet die API neu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Database: {db_path}</source>
        <translation>Datenbank: {db_path}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a new API key? Apollo is refused with the old key from now on, until it is given the new one.</source>
        <translation>Einen neuen API-Schlüssel erzeugen? Apollo wird ab sofort mit dem alten Schlüssel abgewiesen, bis es den neuen erhält.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>saved in this database (new)</source>
        <translation>in dieser Datenbank gespeichert (neu)</translation>
    </message>
</context>
<context>
    <name>shortcuts_dialog</name>
    <message>
        <location filename="../../crm_desktop/shortcuts_dialog.py" line="+65"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>task_dialog</name>
    <message>
        <location filename="../../crm_desktop/task_dialog.py" line="+45"/>
        <source>Reschedule task</source>
        <translation>Aufgabe verschieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>  — tasks managed in Apollo</source>
        <translation>  — Aufgaben in Apollo verwaltet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Campaign</source>
        <translation>&amp;Kampagne</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;ontact</source>
        <translation>K&amp;ontakt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Callback promised for this exact time (scheduled)</source>
        <translation>Rückruf genau zu dieser Zeit zugesagt (vereinbart)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the call is about</source>
        <translation>Worum es beim Anruf geht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>⚠ The tasks of this campaign are managed in Apollo: Apollo&apos;s dialer never receives a task made here. Choose a campaign managed in Callsheet.</source>
        <translation>⚠ Die Aufgaben dieser Kampagne werden in Apollo verwaltet: Der Dialer von Apollo erhält eine hier angelegte Aufgabe nie. Wählen Sie eine in Callsheet verwaltete Kampagne.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>⚠ {title} is flagged do-not-call. The task is kept, but Apollo&apos;s dialer does not receive it while the flag is on.</source>
        <translation>⚠ {title} ist mit „Nicht anrufen“ markiert. Die Aufgabe bleibt erhalten, aber der Dialer von Apollo erhält sie nicht, solange die Markierung gesetzt ist.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Create a campaign first: tasks belong to a campaign.</source>
        <translation>Legen Sie zuerst eine Kampagne an: Aufgaben gehören zu einer Kampagne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the contact to call.</source>
        <translation>Wählen Sie den Kontakt, der angerufen werden soll.</translation>
    </message>
</context>
<context>
    <name>tasks_model</name>
    <message>
        <location filename="../../crm_desktop/models/tasks_model.py" line="-44"/>
        <source>⚠ overdue</source>
        <translation>⚠ überfällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed {at} by call {call}…</source>
        <translation>geschlossen {at} durch Anruf {call}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed {at} by hand</source>
        <translation>geschlossen {at} von Hand</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>callback (fixed time)</source>
        <translation>Rückruf (feste Zeit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dialer (due)</source>
        <translation>Dialer (fällig)</translation>
    </message>
</context>
<context>
    <name>tasks_view</name>
    <message>
        <location filename="../../crm_desktop/tasks_view.py" line="+34"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled callbacks</source>
        <translation>Vereinbarte Rückrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unscheduled (dialer)</source>
        <translation>Ohne Termin (Dialer)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+84"/>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Show closed</source>
        <translation>Geschlossene zeigen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add task…</source>
        <translation>Neue Aufgabe…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+77"/>
        <source>Reschedule…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+79"/>
        <source>Close task</source>
        <translation>Aufgabe schließen</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+75"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+70"/>
        <source>Open contact</source>
        <translation>Kontakt öffnen</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{n} tasks</source>
        <translation>{n} Aufgaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 task</source>
        <translation>1 Aufgabe</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Select a task to see where it came from.</source>
        <translation>Wählen Sie eine Aufgabe, um zu sehen, woher sie kommt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Created by call {call} on {when}</source>
        <translation>Angelegt durch Anruf {call} am {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created on {when}</source>
        <translation>Angelegt am {when}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>closed by call {call} on {when}</source>
        <translation>geschlossen durch Anruf {call} am {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>closed by hand on {when}</source>
        <translation>von Hand geschlossen am {when}</translation>
    </message>
</context>
<context>
    <name>this_pc_settings</name>
    <message>
        <location filename="../../crm_desktop/this_pc_settings.py" line="+39"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL</source>
        <translation>SSL</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This PC</source>
        <translation>Dieser PC</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data on this PC</source>
        <translation>Daten auf diesem PC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A database file on this computer (one PC, no setup).</source>
        <translation>Eine Datenbankdatei auf diesem Computer (ein PC, keine Einrichtung).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared database</source>
        <translation>Gemeinsame Datenbank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The office&apos;s PostgreSQL server: every PC sees the same contacts, live.</source>
        <translation>Der PostgreSQL-Server des Büros: Jeder PC sieht dieselben Kontakte, live.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>db.office.lan or 192.168.1.20</source>
        <translation>db.office.lan oder 192.168.1.20</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>prefer: encrypt when the server offers it. require: refuse an unencrypted connection.</source>
        <translation>prefer: verschlüsseln, wenn der Server es anbietet. require: unverschlüsselte Verbindungen ablehnen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Serve the API from this PC</source>
        <translation>API von diesem PC bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normally the office&apos;s API service serves Apollo; turn this on only if Apollo should call this PC.</source>
        <translation>Normalerweise bedient der API-Dienst des Büros Apollo; schalten Sie dies nur ein, wenn Apollo diesen PC aufrufen soll.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pop caller cards on this PC</source>
        <translation>Anruferkarten auf diesem PC öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When Apollo asks to show a caller: on a shared database a notice with Open card appears; on this PC&apos;s data the card comes to the front.</source>
        <translation>Wenn Apollo einen Anrufer anzeigen lässt: Bei einer gemeinsamen Datenbank erscheint ein Hinweis mit „Karte öffnen“; bei Daten auf diesem PC kommt die Karte nach vorn.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on {v0}</source>
        <translation>auf {v0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes you make are recorded in the history under this name and PC; it also signs your notes and owns your personal to-dos.</source>
        <translation>Ihre Änderungen werden im Verlauf unter diesem Namen und PC festgehalten; er steht auch unter Ihren Notizen und Ihren persönlichen To-dos.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Automatic (as the system: {language})</source>
        <translation>Automatisch (wie das System: {language})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new language shows when Callsheet is started again.</source>
        <translation>Eine neue Sprache erscheint, wenn Callsheet neu gestartet wird.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>saved in the password file</source>
        <translation>in der Passwortdatei gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
</context>
<context>
    <name>timeline_panel</name>
    <message>
        <location filename="../../crm_desktop/timeline_panel.py" line="-23"/>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do-not-call changes</source>
        <translation>„Nicht anrufen“-Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field changes</source>
        <translation>Feldänderungen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show kind</source>
        <translation>Art anzeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click a note to edit it, a call to see what Apollo sent</source>
        <translation>Doppelklick auf eine Notiz bearbeitet sie, auf einen Anruf zeigt er, was Apollo gesendet hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add note…</source>
        <translation>Neue Notiz…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a note on this contact (Ctrl+N)</source>
        <translation>Eine Notiz zu diesem Kontakt schreiben (Strg+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit note…</source>
        <translation>Notiz ändern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the selected note (only its author can)</source>
        <translation>Die ausgewählte Notiz ändern (nur ihr Verfasser kann das)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add to-do…</source>
        <translation>Neues To-do…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A personal to-do about this contact, in My tasks</source>
        <translation>Ein persönliches To-do zu diesem Kontakt, unter Meine Aufgaben</translation>
    </message>
</context>
<context>
    <name>todo_dialog</name>
    <message>
        <location filename="../../crm_desktop/todo_dialog.py" line="+29"/>
        <source>New to-do</source>
        <translation>Neues To-do</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send the offer, ask about the invoice …</source>
        <translation>Angebot senden, nach der Rechnung fragen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To do</source>
        <translation>&amp;Zu erledigen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Due</source>
        <translation>&amp;Fällig</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Write what there is to do.</source>
        <translation>Schreiben Sie, was zu erledigen ist.</translation>
    </message>
</context>
<context>
    <name>trash_model</name>
    <message>
        <location filename="../../crm_desktop/models/trash_model.py" line="-7"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
</context>
<context>
    <name>trash_view</name>
    <message>
        <location filename="../../crm_desktop/trash_view.py" line="+46"/>
        <source>Deleted companies and persons stay here for {KEEP_DAYS} days, then they are gone for good. Restore puts a record back with its persons, tasks and campaign places; its calls never left.</source>
        <translation>Gelöschte Firmen und Personen bleiben {KEEP_DAYS} Tage hier, dann sind sie endgültig weg. Wiederherstellen holt einen Datensatz mit seinen Personen, Aufgaben und Kampagnenplätzen zurück; seine Anrufe waren nie weg.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+24"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Put the selected record back (double-click works too)</source>
        <translation>Den ausgewählten Datensatz zurückholen (Doppelklick geht auch)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recently deleted</source>
        <translation>Zuletzt gelöscht</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Nothing was deleted in the last 30 days</source>
        <translation>In den letzten 30 Tagen wurde nichts gelöscht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a record to restore.</source>
        <translation>Wählen Sie einen Datensatz zum Wiederherstellen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
</context>
<context>
    <name>unknown_callers_view</name>
    <message>
        <location filename="../../crm_desktop/unknown_callers_view.py" line="+35"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last call</source>
        <translation>Letzter Anruf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agent of the last call</source>
        <translation>Agent des letzten Anrufs</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+48"/>
        <source>Unknown callers</source>
        <translation>Unbekannte Anrufer</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Double-click to make a company of the number</source>
        <translation>Doppelklick legt aus der Nummer eine Firma an</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+70"/>
        <source>New company…</source>
        <translation>Neue Firma…</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>A new company card with this number as its phone</source>
        <translation>Eine neue Firmenkarte mit dieser Nummer als Telefon</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+68"/>
        <source>New person…</source>
        <translation>Neue Person…</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>A new person card with this number as its phone</source>
        <translation>Eine neue Personenkarte mit dieser Nummer als Telefon</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+65"/>
        <source>Add to contact…</source>
        <translation>Zu Kontakt hinzufügen…</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Give the number to an existing contact as phone 2</source>
        <translation>Die Nummer einem vorhandenen Kontakt als Telefon 2 geben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calls from numbers no contact has. Give a number to a contact and its calls move to that card.</source>
        <translation>Anrufe von Nummern, die kein Kontakt hat. Geben Sie eine Nummer einem Kontakt, und ihre Anrufe wandern auf dessen Karte.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calls Apollo linked to no contact, from numbers no company or person has (not even a switchboard by prefix).</source>
        <translation>Anrufe, die Apollo keinem Kontakt zugeordnet hat, von Nummern, die keine Firma und keine Person hat (auch keine Zentrale per Präfix).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{n} numbers</source>
        <translation>{n} Nummern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 number</source>
        <translation>1 Nummer</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Add the number to a contact</source>
        <translation>Die Nummer einem Kontakt geben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who called from {number}? The number becomes their phone 2 and its calls move to their card.</source>
        <translation>Wer hat von {number} angerufen? Die Nummer wird Telefon 2 dieses Kontakts, und ihre Anrufe wandern auf seine Karte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add number</source>
        <translation>Nummer hinzufügen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{v0} is now {title}&apos;s phone 2; {n} call(s) linked.</source>
        <translation>{v0} ist jetzt Telefon 2 von {title}; {n} Anruf(e) verknüpft.</translation>
    </message>
</context>
</TS>
