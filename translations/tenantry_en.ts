<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Console</name>
    <message>
        <location filename="../app/console.cpp" line="+37"/>
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
</context>
<context>
    <name>Tenantry::Widgets::AlertWatcher</name>
    <message>
        <location filename="../widgets/alerts/alertwatcher.cpp" line="+134"/>
        <source>Anomaly: request rate of tenant %1 is %2/min, expected about %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anomaly: error rate of tenant %1 is %2/min, expected about %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anomaly: failed authentications for tenant %1 are at %2/min, expected about %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anomaly: %1 of tenant %2 is %3/min, expected about %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert: %1 for tenant %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditFilterBar</name>
    <message>
        <location filename="../widgets/audit/auditfilterbar.cpp" line="+39"/>
        <source>All tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only entries about this tenant: pick a slug, or type a slug or a tenant ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Te&amp;nant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only entries by this actor, exactly as recorded, e.g. admin, system, console:alice, api-key:&lt;id&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ctor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An action such as tenant.suspend, or every action starting with a prefix such as tenant.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Act&amp;ion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ti&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>There is no tenant &apos;%1&apos;. Pick one from the list, or enter a tenant ID.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditPage</name>
    <message>
        <location filename="../widgets/audit/auditpage.cpp" line="+97"/>
        <location line="+513"/>
        <source>Audit Log</source>
        <translation type="unfinished">Audit Log</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>&amp;Verify Chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that no audit entry was altered, removed or reordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the entries matching the applied filters to a CSV or JSON lines file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Could not load older entries: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Select an entry to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tenant ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Showing entry #%1 and the entries before it. Apply or Reset shows the newest entries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not load the audit log: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries loaded; older ones load as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Matching entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Entry #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · entry #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <location line="+1"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No current tenant (purged or unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The console is not connected to an audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No audit entries match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit log is empty. Changes to tenants and API keys, failed authentications and anomalies appear here as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Checked %1 of %2 entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked %1 entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not verify the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting the audit log… %1 entries written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not export the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Verifying the audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+90"/>
        <location line="+26"/>
        <source>Verify Audit Trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-101"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON lines files (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+23"/>
        <source>Export Audit Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Exporting the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Error code: %1</source>
        <translation type="unfinished">Error code: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The audit trail is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The one entry was checked: it matches its hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All %1 entries were checked: each matches its hash and links to the entry before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Entry #%1 was altered: its content no longer matches its hash, or it no longer links to the entry before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry #%1 is missing: it was removed from the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry #%1 is not where it was recorded: entries were moved or swapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newest entries, from #%1 on, were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entries #1 to #%1 are intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit trail has been tampered with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported 1 entry to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 entries to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditTableModel</name>
    <message>
        <location filename="../widgets/audit/audittablemodel.cpp" line="+57"/>
        <source>Tenant ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The console is not connected to an audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Tenant registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant cloned from another tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant configuration changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant deleted (restorable until purged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant purged with its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unusual traffic detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 %2</source>
        <comment>date, time with seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditWorker</name>
    <message>
        <location filename="../widgets/audit/auditworker.cpp" line="+102"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::JsonDiffView</name>
    <message>
        <location filename="../widgets/audit/jsondiffview.cpp" line="+79"/>
        <source>No state recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="+45"/>
        <source>Tenantry</source>
        <translation>Tenantry</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>What this console is connected to</source>
        <translation>What this console is connected to</translation>
    </message>
    <message>
        <location line="+35"/>
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
        <location line="+13"/>
        <source>%1: coming soon</source>
        <translation>%1: coming soon</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Checking for alerts failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%2 unseen alerts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unseen alerts: %1. Click to see them in the Audit Log.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::NewTenantDialog</name>
    <message>
        <location filename="../widgets/tenants/newtenantdialog.cpp" line="+103"/>
        <source>New Tenant</source>
        <translation>New Tenant</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clone Tenant</source>
        <translation>Clone Tenant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale</source>
        <translation>Locale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theme colour</source>
        <translation>Theme colour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isolation</source>
        <translation>Isolation</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The new tenant gets the plan and configuration of &lt;b&gt;%1&lt;/b&gt; (%2). Its data and API keys are not copied.</source>
        <translation>The new tenant gets the plan and configuration of &lt;b&gt;%1&lt;/b&gt; (%2). Its data and API keys are not copied.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>e.g. Acme Corporation</source>
        <translation>e.g. Acme Corporation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. acme</source>
        <translation>e.g. acme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identifies the tenant in URLs and API calls, e.g. acme.example.com. Lower-case letters, digits and hyphens. It cannot be changed later.</source>
        <translation>Identifies the tenant in URLs and API calls, e.g. acme.example.com. Lower-case letters, digits and hyphens. It cannot be changed later.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Slug:</source>
        <translation>&amp;Slug:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Locale:</source>
        <translation>&amp;Locale:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Time zone:</source>
        <translation>&amp;Time zone:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accent colour of the tenant&apos;s branding</source>
        <translation>Accent colour of the tenant&apos;s branding</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Theme &amp;colour:</source>
        <translation>Theme &amp;colour:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Activate immediately</source>
        <translation>&amp;Activate immediately</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Otherwise the tenant stays pending until you activate it.</source>
        <translation>Otherwise the tenant stays pending until you activate it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>C&amp;lone</source>
        <translation>C&amp;lone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;reate</source>
        <translation>C&amp;reate</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Its first API key:</source>
        <translation>Its first API key:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;This key is shown only once.&lt;/b&gt; Copy it now and store it somewhere safe: it cannot be shown again. If it is lost, issue a new key and revoke this one.</source>
        <translation>&lt;b&gt;This key is shown only once.&lt;/b&gt; Copy it now and store it somewhere safe: it cannot be shown again. If it is lost, issue a new key and revoke this one.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Done</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Theme Colour</source>
        <translation>Theme Colour</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Tenant Cloned</source>
        <translation>Tenant Cloned</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tenant Created</source>
        <translation>Tenant Created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant &lt;b&gt;%1&lt;/b&gt; (%2) has been created.</source>
        <translation>Tenant &lt;b&gt;%1&lt;/b&gt; (%2) has been created.</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantTableModel</name>
    <message>
        <location filename="../widgets/tenants/tenanttablemodel.cpp" line="+94"/>
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
        <location line="+71"/>
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
        <location filename="../widgets/tenants/tenantspage.cpp" line="+78"/>
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
        <location line="+14"/>
        <location line="+454"/>
        <source>Tenants</source>
        <translation>Tenants</translation>
    </message>
    <message>
        <location line="-420"/>
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
        <location line="+69"/>
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
        <location line="+64"/>
        <source>Could not load the tenants.</source>
        <translation>Could not load the tenants.</translation>
    </message>
    <message>
        <location line="+96"/>
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
