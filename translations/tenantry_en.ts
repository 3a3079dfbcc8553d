<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Console</name>
    <message>
        <location filename="../app/console.cpp" line="+85"/>
        <source>Profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No admin token is saved for this profile: add it in File &gt; Connect to….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Tenantry cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server of profile %1 (%2) cannot be used:

%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tenantry cannot start</source>
        <translation>Tenantry cannot start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog could not be opened:

%1</source>
        <translation>The catalog could not be opened:

%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Embedded server</source>
        <translation>Embedded server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The embedded server could not be started:

%1</source>
        <translation>The embedded server could not be started:

%1</translation>
    </message>
    <message>
        <location filename="../app/consoleusage.cpp" line="+56"/>
        <source>live from the embedded server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as servers last saved it (start the embedded server for live figures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/remotebackend.cpp" line="+27"/>
        <source>live from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Server %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AlertWatcher</name>
    <message>
        <location filename="../widgets/alerts/alertwatcher.cpp" line="+134"/>
        <source>Anomaly: request rate of tenant %1 is %2/min, expected about %3</source>
        <translation>Anomaly: request rate of tenant %1 is %2/min, expected about %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anomaly: error rate of tenant %1 is %2/min, expected about %3</source>
        <translation>Anomaly: error rate of tenant %1 is %2/min, expected about %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anomaly: failed authentications for tenant %1 are at %2/min, expected about %3</source>
        <translation>Anomaly: failed authentications for tenant %1 are at %2/min, expected about %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anomaly: %1 of tenant %2 is %3/min, expected about %4</source>
        <translation>Anomaly: %1 of tenant %2 is %3/min, expected about %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alert: %1</source>
        <translation>Alert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert: %1 for tenant %2</source>
        <translation>Alert: %1 for tenant %2</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditFilterBar</name>
    <message>
        <location filename="../widgets/audit/auditfilterbar.cpp" line="+43"/>
        <source>All tenants</source>
        <translation>All tenants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only entries about this tenant: pick a slug, or type a slug or a tenant ID</source>
        <translation>Only entries about this tenant: pick a slug, or type a slug or a tenant ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Te&amp;nant:</source>
        <translation>Te&amp;nant:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any actor</source>
        <translation>Any actor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only entries by this actor, exactly as recorded, e.g. admin, system, console:alice, api-key:&lt;id&gt;</source>
        <translation>Only entries by this actor, exactly as recorded, e.g. admin, system, console:alice, api-key:&lt;id&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ctor:</source>
        <translation>A&amp;ctor:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Any action</source>
        <translation>Any action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An action such as tenant.suspend, or every action starting with a prefix such as tenant.*</source>
        <translation>An action such as tenant.suspend, or every action starting with a prefix such as tenant.*</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Act&amp;ion:</source>
        <translation>Act&amp;ion:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ti&amp;me:</source>
        <translation>Ti&amp;me:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>There is no tenant &apos;%1&apos;. Pick one from the list, or enter a tenant ID.</source>
        <translation>There is no tenant &apos;%1&apos;. Pick one from the list, or enter a tenant ID.</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditPage</name>
    <message>
        <location filename="../widgets/audit/auditpage.cpp" line="+83"/>
        <location line="+513"/>
        <source>Audit Log</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>&amp;Verify Chain…</source>
        <translation>&amp;Verify Chain…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that no audit entry was altered, removed or reordered</source>
        <translation>Check that no audit entry was altered, removed or reordered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the entries matching the applied filters to a CSV or JSON lines file</source>
        <translation>Write the entries matching the applied filters to a CSV or JSON lines file</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Could not load older entries: %1 (%2)</source>
        <translation>Could not load older entries: %1 (%2)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Select an entry to see its details.</source>
        <translation>Select an entry to see its details.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Time:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC:</source>
        <translation>UTC:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor:</source>
        <translation>Actor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant:</source>
        <translation>Tenant:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tenant ID:</source>
        <translation>Tenant ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request:</source>
        <translation>Request:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hash:</source>
        <translation>Hash:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous hash:</source>
        <translation>Previous hash:</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Showing entry #%1 and the entries before it. Apply or Reset shows the newest entries again.</source>
        <translation>Showing entry #%1 and the entries before it. Apply or Reset shows the newest entries again.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not load the audit log: %1 (%2)</source>
        <translation>Could not load the audit log: %1 (%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries loaded; older ones load as you scroll</source>
        <translation>Entries loaded; older ones load as you scroll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Matching entries</source>
        <translation>Matching entries</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Entry #%1</source>
        <translation>Entry #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · entry #%2</source>
        <translation>%1 · entry #%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <location line="+1"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No current tenant (purged or unknown)</source>
        <translation>No current tenant (purged or unknown)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The console is not connected to an audit trail.</source>
        <translation>The console is not connected to an audit trail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No audit entries match these filters.</source>
        <translation>No audit entries match these filters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit log is empty. Changes to tenants and API keys, failed authentications and anomalies appear here as they happen.</source>
        <translation>The audit log is empty. Changes to tenants and API keys, failed authentications and anomalies appear here as they happen.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Checked %1 of %2 entries…</source>
        <translation>Checked %1 of %2 entries…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked %1 entries…</source>
        <translation>Checked %1 entries…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not verify the audit trail.</source>
        <translation>Could not verify the audit trail.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting the audit log… %1 entries written</source>
        <translation>Exporting the audit log… %1 entries written</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>The export was cancelled; no file was written.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not export the audit log.</source>
        <translation>Could not export the audit log.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Verifying the audit trail…</source>
        <translation>Verifying the audit trail…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+90"/>
        <location line="+26"/>
        <source>Verify Audit Trail</source>
        <translation>Verify Audit Trail</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON lines files (*.jsonl)</source>
        <translation>JSON lines files (*.jsonl)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+23"/>
        <source>Export Audit Log</source>
        <translation>Export Audit Log</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Exporting the audit log…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Error code: %1</source>
        <translation>Error code: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The audit trail is intact.</source>
        <translation>The audit trail is intact.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The one entry was checked: it matches its hash.</source>
        <translation>The one entry was checked: it matches its hash.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All %1 entries were checked: each matches its hash and links to the entry before it.</source>
        <translation>All %1 entries were checked: each matches its hash and links to the entry before it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Entry #%1 was altered: its content no longer matches its hash, or it no longer links to the entry before it.</source>
        <translation>Entry #%1 was altered: its content no longer matches its hash, or it no longer links to the entry before it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry #%1 is missing: it was removed from the log.</source>
        <translation>Entry #%1 is missing: it was removed from the log.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry #%1 is not where it was recorded: entries were moved or swapped.</source>
        <translation>Entry #%1 is not where it was recorded: entries were moved or swapped.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newest entries, from #%1 on, were removed.</source>
        <translation>The newest entries, from #%1 on, were removed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entries #1 to #%1 are intact.</source>
        <translation>Entries #1 to #%1 are intact.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit trail has been tampered with.</source>
        <translation>The audit trail has been tampered with.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show Entry</source>
        <translation>&amp;Show Entry</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported 1 entry to %1.</source>
        <translation>Exported 1 entry to %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 entries to %2.</source>
        <translation>Exported %1 entries to %2.</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditTableModel</name>
    <message>
        <location filename="../widgets/audit/audittablemodel.cpp" line="+57"/>
        <source>Tenant ID %1</source>
        <translation>Tenant ID %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Request %1</source>
        <translation>Request %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The console is not connected to an audit trail.</source>
        <translation>The console is not connected to an audit trail.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Tenant registered</source>
        <translation>Tenant registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant cloned from another tenant</source>
        <translation>Tenant cloned from another tenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant configuration changed</source>
        <translation>Tenant configuration changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant activated</source>
        <translation>Tenant activated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant suspended</source>
        <translation>Tenant suspended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant deleted (restorable until purged)</source>
        <translation>Tenant deleted (restorable until purged)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant restored</source>
        <translation>Tenant restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant purged with its data</source>
        <translation>Tenant purged with its data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key issued</source>
        <translation>API key issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key revoked</source>
        <translation>API key revoked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed authentication</source>
        <translation>Failed authentication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unusual traffic detected</source>
        <translation>Unusual traffic detected</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 %2</source>
        <comment>date, time with seconds</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditWorker</name>
    <message>
        <location filename="../widgets/audit/auditworker.cpp" line="+102"/>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not save %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::BillingPage</name>
    <message>
        <location filename="../widgets/billing/billingpage.cpp" line="+61"/>
        <source>Trialing</source>
        <translation>Trialing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past due</source>
        <translation>Past due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncollectible</source>
        <translation>Uncollectible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yearly</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+6"/>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cycle</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Period start</source>
        <translation>Period start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period end</source>
        <translation>Period end</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scheduled change</source>
        <translation>Scheduled change</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run Billing Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renew ended periods and invoice them, collect payments, mark overdue invoices and run dunning, as the server&apos;s schedule does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change &amp;Plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the selected subscription to another plan or cycle, with its proration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscriptions</source>
        <translation>Subscriptions</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Billing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Renewing ended periods…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collecting payments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marking overdue invoices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running dunning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>(%n renewed)</source>
        <translation>
            <numerusform>(%n renewed)</numerusform>
            <numerusform>(%n renewed)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stopping after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The billing run failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Billing ran: %1 renewed, %2 invoiced, %3 paid, %4 payments failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Billing stopped: %1 renewed, %2 invoiced so far; the next run does the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 is on %2 now; the next invoice adds %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 moves to %2 when its period ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not load the subscriptions.</source>
        <translation>Could not load the subscriptions.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n subscription</numerusform>
            <numerusform>%n subscriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n behind on payments</source>
        <translation>
            <numerusform>%n behind on payments</numerusform>
            <numerusform>%n behind on payments</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invoices of every tenant</source>
        <translation>Invoices of every tenant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invoices of %1</source>
        <translation>Invoices of %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load the invoices.</source>
        <translation>Could not load the invoices.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(draft)</source>
        <translation>(draft)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit note</source>
        <translation>Credit note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not render the invoice.</source>
        <translation>Could not render the invoice.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write the invoice.</source>
        <translation>Could not write the invoice.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save invoice</source>
        <translation>Save invoice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::BusiestTenantsModel</name>
    <message>
        <location filename="../widgets/monitoring/busiesttenantsmodel.cpp" line="+52"/>
        <source>Tenant ID %1</source>
        <translation>Tenant ID %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No figure: no requests in the last second, or the tenant has only just become this busy</source>
        <translation>No figure: no requests in the last second, or the tenant has only just become this busy</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Requests per second in the last second</source>
        <translation>Requests per second in the last second</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests since the server started</source>
        <translation>Requests since the server started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of 4xx and 5xx answers in the last second</source>
        <translation>Share of 4xx and 5xx answers in the last second</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95th percentile latency in the last second</source>
        <translation>95th percentile latency in the last second</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests/s</source>
        <translation>Requests/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>Error rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::ConnectDialog</name>
    <message>
        <location filename="../widgets/connection/connectdialog.cpp" line="+36"/>
        <source>Connect To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The default data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data directory (embedded SQLite catalog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PostgreSQL catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote server (admin API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept in the keychain; empty keeps the saved one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server&apos;s admin token; kept in the keychain, empty keeps the saved one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Data directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>With http:// the admin token crosses the network in clear text: use https:// (e.g. the server behind nginx with TLS) for anything but this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The profile was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The profile was saved, its password not: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The profile was saved, its admin token not: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Profile %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Profile %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::JsonDiffView</name>
    <message>
        <location filename="../widgets/audit/jsondiffview.cpp" line="+79"/>
        <source>No state recorded</source>
        <translation>No state recorded</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>After</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="+51"/>
        <source>Tenantry</source>
        <translation>Tenantry</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>What this console is connected to</source>
        <translation>What this console is connected to</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Tenants</source>
        <translation>Tenants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscriptions &amp; Billing</source>
        <translation>Subscriptions &amp; Billing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotas &amp; Usage</source>
        <translation>Quotas &amp; Usage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit Log</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: coming soon</source>
        <translation>%1: coming soon</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tenants</source>
        <translation>&amp;Tenants</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start Embedded Server</source>
        <translation>&amp;Start Embedded Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top Embedded Server</source>
        <translation>S&amp;top Embedded Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy Server &amp;URL</source>
        <translation>Copy Server &amp;URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy &amp;Admin Token</source>
        <translation>Copy &amp;Admin Token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Tenantry</source>
        <translation>&amp;About Tenantry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Connect to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another catalog or server from the saved connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Embedded server</source>
        <translation>Embedded server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The embedded server could not be started:

%1</source>
        <translation>The embedded server could not be started:

%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server: stopped</source>
        <translation>Server: stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The embedded HTTP server is answering at %1 (Server menu to stop it)</source>
        <translation>The embedded HTTP server is answering at %1 (Server menu to stop it)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The embedded HTTP server is not running (Server menu to start it)</source>
        <translation>The embedded HTTP server is not running (Server menu to start it)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Dismiss</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Checking for alerts failed: %1</source>
        <translation>Checking for alerts failed: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (%2 unseen alerts)</source>
        <translation>%1 (%2 unseen alerts)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Unseen alerts: %1. Click to see them in the Audit Log.</source>
        <translation>Unseen alerts: %1. Click to see them in the Audit Log.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Tenantry</source>
        <translation>About Tenantry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;Operator console for the Tenantry multi-tenancy platform.&lt;/p&gt;&lt;p&gt;Connected to: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;Operator console for the Tenantry multi-tenancy platform.&lt;/p&gt;&lt;p&gt;Connected to: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::MessageBanner</name>
    <message>
        <location filename="../widgets/messagebanner.cpp" line="+69"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::MonitoringPage</name>
    <message>
        <location filename="../widgets/monitoring/monitoringformat.cpp" line="+40"/>
        <source>%1%</source>
        <comment>percentage</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 ms</source>
        <comment>milliseconds</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../widgets/monitoring/monitoringpage.cpp" line="+64"/>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 5 minutes, updated every second</source>
        <translation>Last 5 minutes, updated every second</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tenant whose requests are drawn beside the total</source>
        <translation>The tenant whose requests are drawn beside the total</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Selected tenant:</source>
        <translation>&amp;Selected tenant:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No live traffic to show</source>
        <translation>No live traffic to show</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>The embedded server is not running — start it from the Server menu.</source>
        <translation>The embedded server is not running — start it from the Server menu.</translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+57"/>
        <source>Requests per second</source>
        <translation>Requests per second</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Error rate (4xx + 5xx)</source>
        <translation>Error rate (4xx + 5xx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency p95</source>
        <translation>Latency p95</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenants seen</source>
        <translation>Tenants seen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No alerts.</source>
        <translation>No alerts.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>/s</source>
        <comment>per second, after a number</comment>
        <translation>/s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> ms</source>
        <comment>milliseconds, after a number</comment>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%</source>
        <comment>percent, after a number</comment>
        <translation>%</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>requests/s</source>
        <translation>requests/s</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>All tenants</source>
        <translation>All tenants</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error rate</source>
        <translation>Error rate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>4xx + 5xx</source>
        <translation>4xx + 5xx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Top 10 tenants now</source>
        <translation>Top 10 tenants now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a bar to draw that tenant&apos;s requests</source>
        <translation>Click a bar to draw that tenant&apos;s requests</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Click a tenant to draw its requests</source>
        <translation>Click a tenant to draw its requests</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Busiest tenants in the last second</source>
        <translation>Busiest tenants in the last second</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The server&apos;s traffic cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Since start: %1</source>
        <translation>Since start: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5xx: %1</source>
        <translation>5xx: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>p50 %1 · p99 %2</source>
        <translation>p50 %1 · p99 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No requests</source>
        <translation>No requests</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active now: %1</source>
        <translation>Active now: %1</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::PlanChangeDialog</name>
    <message>
        <location filename="../widgets/billing/planchangedialog.cpp" line="+48"/>
        <source>Change the plan of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Monthly</source>
        <translation type="unfinished">Monthly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yearly</source>
        <translation type="unfinished">Yearly</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now on %1, billed %2; this period runs from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New &amp;plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Billing cycle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Change Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The plans could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose another plan or billing cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A downgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Net on the next invoice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Takes effect at once (prorated to %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes effect when this period ends, on %1; nothing is prorated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The subscription changed or the preview got old; check the amounts again and confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::QuotaAlertWatcher</name>
    <message>
        <location filename="../widgets/alerts/quotaalertwatcher.cpp" line="+57"/>
        <source>%1 reached %2% of %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::QuotaLimitsModel</name>
    <message>
        <location filename="../widgets/quotas/quotalimitsmodel.cpp" line="+30"/>
        <source>API calls per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests per calendar day in the tenant&apos;s time zone, weighted by route costs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API calls per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests per calendar month in the tenant&apos;s time zone, weighted by route costs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sustained requests per second (may be fractional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests allowed at once above the rate; needs a rate. Unset: one second&apos;s worth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concurrent requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests in flight at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the tenant&apos;s data; writes are refused from the limit on. Units: KB, MB, GB, KiB, MiB, GiB, TiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions on the tenant&apos;s data open at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+52"/>
        <location line="+204"/>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-253"/>
        <source>%1 records of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 per %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+298"/>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-254"/>
        <source>%1 /s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+190"/>
        <source>(unknown plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 s of rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-170"/>
        <source>%1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Empty: the plan&apos;s limit holds. &quot;unlimited&quot;: no limit. Otherwise a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A custom rule; rules are changed with the admin API or the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Enter a size such as 500 MB or 20 GiB, &quot;unlimited&quot;, or nothing for the plan&apos;s limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter a whole number, &quot;unlimited&quot;, or nothing for the plan&apos;s limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter requests per second (e.g. 2.5), &quot;unlimited&quot;, or nothing for the plan&apos;s limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A limit must be above zero; write &quot;unlimited&quot; for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation type="unfinished">Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::QuotasPage</name>
    <message>
        <location filename="../widgets/quotas/quotaspage.cpp" line="+57"/>
        <source>Unapplied changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The limits of %1 were edited but not applied. Discard the changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search tenants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a tenant to see its limits and what it uses of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Use &amp;Plan Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this tenant&apos;s overrides of the built-in limits (apply to keep it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply</source>
        <translation type="unfinished">&amp;Apply</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The limits of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The plan &quot;%1&quot; of %2 does not exist: only the tenant&apos;s overrides limit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Usage could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Some limits are not valid (marked in red); correct them or revert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The limits of %1 were not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The limits of %1 are changed; running servers apply them within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quotas &amp; Usage</source>
        <translation type="unfinished">Quotas &amp; Usage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage: %1, as of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::SecretStore</name>
    <message>
        <location filename="../widgets/connection/secretstore.cpp" line="+36"/>
        <source>No keychain is available: passwords are kept in %1, readable only by your user account. Install and unlock a keychain (e.g. GNOME Keyring or KWallet) to keep them there instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::SettingsPage</name>
    <message>
        <location filename="../widgets/settings/settingspage.cpp" line="+20"/>
        <location line="+6"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation type="unfinished">Settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes apply at once; the window is redrawn in the new language or colours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Settings are kept in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantDialog</name>
    <message>
        <location filename="../widgets/tenants/tenantdialog.cpp" line="+105"/>
        <source>New Tenant</source>
        <translation type="unfinished">New Tenant</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clone Tenant</source>
        <translation type="unfinished">Clone Tenant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Slug</source>
        <translation type="unfinished">Slug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display name</source>
        <translation type="unfinished">Display name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation type="unfinished">Plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale</source>
        <translation type="unfinished">Locale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone</source>
        <translation type="unfinished">Time zone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theme colour</source>
        <translation type="unfinished">Theme colour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation type="unfinished">Settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isolation</source>
        <translation type="unfinished">Isolation</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The new tenant gets the plan and configuration of &lt;b&gt;%1&lt;/b&gt; (%2). Its data and API keys are not copied.</source>
        <translation type="unfinished">The new tenant gets the plan and configuration of &lt;b&gt;%1&lt;/b&gt; (%2). Its data and API keys are not copied.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>How operators and the tenant&apos;s users will know it. The slug identifies it in URLs and API calls and cannot be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the tenant may use and where its data lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How dates, times and the tenant&apos;s branding look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>e.g. Acme Corporation</source>
        <translation type="unfinished">e.g. Acme Corporation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Display name:</source>
        <translation type="unfinished">&amp;Display name:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. acme</source>
        <translation type="unfinished">e.g. acme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identifies the tenant in URLs and API calls, e.g. acme.example.com. Lower-case letters, digits and hyphens. It cannot be changed later.</source>
        <translation type="unfinished">Identifies the tenant in URLs and API calls, e.g. acme.example.com. Lower-case letters, digits and hyphens. It cannot be changed later.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Slug:</source>
        <translation type="unfinished">&amp;Slug:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Plan:</source>
        <translation type="unfinished">&amp;Plan:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As the plan says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the tenant&apos;s data lives: tables shared with other tenants (rows keyed by tenant), a schema of its own (PostgreSQL), or a database of its own. It cannot be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Isolation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — changed with the subscription, on the Subscriptions &amp; Billing page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+174"/>
        <source>Plan:</source>
        <translation type="unfinished">Plan:</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>&amp;Locale:</source>
        <translation type="unfinished">&amp;Locale:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Time zone:</source>
        <translation type="unfinished">&amp;Time zone:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accent colour of the tenant&apos;s branding</source>
        <translation type="unfinished">Accent colour of the tenant&apos;s branding</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Theme &amp;colour:</source>
        <translation type="unfinished">Theme &amp;colour:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Activate immediately</source>
        <translation type="unfinished">&amp;Activate immediately</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Otherwise the tenant stays pending until you activate it.</source>
        <translation type="unfinished">Otherwise the tenant stays pending until you activate it.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;lone</source>
        <translation type="unfinished">C&amp;lone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;reate</source>
        <translation type="unfinished">C&amp;reate</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (copy)</source>
        <translation type="unfinished">%1 (copy)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region and branding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slug:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isolation:</source>
        <translation type="unfinished">Isolation:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pending, until activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale:</source>
        <translation type="unfinished">Locale:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone:</source>
        <translation type="unfinished">Time zone:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme colour:</source>
        <translation type="unfinished">Theme colour:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Create this tenant?&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Its first API key is shown on the next page, once.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Its first API key:</source>
        <translation type="unfinished">Its first API key:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy</source>
        <translation type="unfinished">&amp;Copy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copied</source>
        <translation type="unfinished">Copied</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;This key is shown only once.&lt;/b&gt; Copy it now and store it somewhere safe: it cannot be shown again. If it is lost, issue a new key and revoke this one.</source>
        <translation type="unfinished">&lt;b&gt;This key is shown only once.&lt;/b&gt; Copy it now and store it somewhere safe: it cannot be shown again. If it is lost, issue a new key and revoke this one.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Done</source>
        <translation type="unfinished">&amp;Done</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Theme Colour</source>
        <translation type="unfinished">Theme Colour</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Tenant Cloned</source>
        <translation type="unfinished">Tenant Cloned</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tenant Created</source>
        <translation type="unfinished">Tenant Created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant &lt;b&gt;%1&lt;/b&gt; (%2) has been created.</source>
        <translation type="unfinished">Tenant &lt;b&gt;%1&lt;/b&gt; (%2) has been created.</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantInsights</name>
    <message>
        <location filename="../widgets/tenants/tenantinsights.cpp" line="+47"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recent activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Usage could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Resets %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No limits apply to this tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The activity could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1  %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (×%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantPicker</name>
    <message>
        <location filename="../widgets/monitoring/tenantpicker.cpp" line="+22"/>
        <source>Tenant slug</source>
        <translation>Tenant slug</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>(no tenant)</source>
        <translation>(no tenant)</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantTableModel</name>
    <message>
        <location filename="../widgets/tenants/tenanttablemodel.cpp" line="+96"/>
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolation</source>
        <translation>Isolation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The console is not connected to a tenant catalog.</source>
        <translation>The console is not connected to a tenant catalog.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purged</source>
        <translation>Purged</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shared tables</source>
        <translation>Shared tables</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Own schema</source>
        <translation>Own schema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Own database</source>
        <translation>Own database</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantsPage</name>
    <message>
        <location filename="../widgets/tenants/tenantspage.cpp" line="+67"/>
        <source>%1, %2</source>
        <comment>date, time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not activate %1.</source>
        <translation>Could not activate %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not suspend %1.</source>
        <translation>Could not suspend %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not delete %1.</source>
        <translation>Could not delete %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not restore %1.</source>
        <translation>Could not restore %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not purge %1.</source>
        <translation>Could not purge %1.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register a new tenant</source>
        <translation>Register a new tenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lone…</source>
        <translation>C&amp;lone…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a new tenant with this tenant&apos;s plan and configuration</source>
        <translation>Create a new tenant with this tenant&apos;s plan and configuration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the tenant&apos;s display name, locale, time zone and theme colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Activate</source>
        <translation>&amp;Activate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the tenant serve requests</source>
        <translation>Let the tenant serve requests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Suspend</source>
        <translation>&amp;Suspend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop serving the tenant&apos;s requests; its data is kept</source>
        <translation>Stop serving the tenant&apos;s requests; its data is kept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring a deleted tenant back, suspended, for review</source>
        <translation>Bring a deleted tenant back, suspended, for review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the tenant; it can be restored until it is purged</source>
        <translation>Delete the tenant; it can be restored until it is purged</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the tenants again</source>
        <translation>Load the tenants again</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+548"/>
        <source>Tenants</source>
        <translation>Tenants</translation>
    </message>
    <message>
        <location line="-513"/>
        <source>Search slug or name</source>
        <translation>Search slug or name</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show only tenants with this status</source>
        <translation>Show only tenants with this status</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading tenants… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Select a tenant to see its details.</source>
        <translation>Select a tenant to see its details.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isolation:</source>
        <translation>Isolation:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale:</source>
        <translation>Locale:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone:</source>
        <translation>Time zone:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Theme colour:</source>
        <translation>Theme colour:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created:</source>
        <translation>Created:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated:</source>
        <translation>Updated:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tenant&apos;s immutable ID; never reused</source>
        <translation>The tenant&apos;s immutable ID; never reused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purge allowed:</source>
        <translation>Purge allowed:</translation>
    </message>
    <message>
        <location line="-94"/>
        <location line="+164"/>
        <source>Could not load the tenants.</source>
        <translation>Could not load the tenants.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading tenants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+144"/>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after %1</source>
        <translation>after %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenants shown / all tenants except purged ones</source>
        <translation>Tenants shown / all tenants except purged ones</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete Tenant</source>
        <translation>Delete Tenant</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;p&gt;Delete &lt;b&gt;%1&lt;/b&gt; (&lt;b&gt;%2&lt;/b&gt;)?&lt;/p&gt;&lt;p&gt;The tenant stops serving requests at once. Its data is kept, and it can be restored until it is purged.&lt;/p&gt;&lt;p&gt;Type &lt;b&gt;%2&lt;/b&gt; to confirm:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Delete &lt;b&gt;%1&lt;/b&gt; (&lt;b&gt;%2&lt;/b&gt;)?&lt;/p&gt;&lt;p&gt;The tenant stops serving requests at once. Its data is kept, and it can be restored until it is purged.&lt;/p&gt;&lt;p&gt;Type &lt;b&gt;%2&lt;/b&gt; to confirm:&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error code: %1</source>
        <translation>Error code: %1</translation>
    </message>
</context>
</TS>
