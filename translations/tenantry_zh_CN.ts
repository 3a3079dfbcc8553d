<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Console</name>
    <message>
        <location filename="../app/console.cpp" line="+85"/>
        <source>Profile %1: %2</source>
        <translation>配置 %1：%2</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No admin token is saved for this profile: add it in File &gt; Connect to….</source>
        <translation>此配置未保存管理令牌：请在“文件 &gt; 连接到…”中添加。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Tenantry cannot connect</source>
        <translation>Tenantry 无法连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server of profile %1 (%2) cannot be used:

%3</source>
        <translation>无法使用配置 %1 的服务器（%2）：

%3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tenantry cannot start</source>
        <translation>Tenantry 无法启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog could not be opened:

%1</source>
        <translation>无法打开租户目录：

%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Embedded server</source>
        <translation>内置服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The embedded server could not be started:

%1</source>
        <translation>无法启动内置服务器：

%1</translation>
    </message>
    <message>
        <location filename="../app/consoleusage.cpp" line="+56"/>
        <source>live from the embedded server</source>
        <translation>来自内嵌服务器的实时数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as servers last saved it (start the embedded server for live figures)</source>
        <translation>为服务器最近一次保存的数据（启动内嵌服务器可查看实时数据）</translation>
    </message>
    <message>
        <location filename="../app/remotebackend.cpp" line="+27"/>
        <source>live from the server</source>
        <translation>来自服务器的实时数据</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AlertWatcher</name>
    <message>
        <location filename="../widgets/alerts/alertwatcher.cpp" line="+134"/>
        <source>Anomaly: request rate of tenant %1 is %2/min, expected about %3</source>
        <translation>异常：租户 %1 的请求速率为 %2 次/分钟，预期约为 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anomaly: error rate of tenant %1 is %2/min, expected about %3</source>
        <translation>异常：租户 %1 的错误速率为 %2 次/分钟，预期约为 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anomaly: failed authentications for tenant %1 are at %2/min, expected about %3</source>
        <translation>异常：租户 %1 的认证失败为 %2 次/分钟，预期约为 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anomaly: %1 of tenant %2 is %3/min, expected about %4</source>
        <translation>异常：租户 %2 的 %1 为 %3 次/分钟，预期约为 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alert: %1</source>
        <translation>警报：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert: %1 for tenant %2</source>
        <translation>警报：租户 %2 的 %1</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditFilterBar</name>
    <message>
        <location filename="../widgets/audit/auditfilterbar.cpp" line="+43"/>
        <source>All tenants</source>
        <translation>全部租户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only entries about this tenant: pick a slug, or type a slug or a tenant ID</source>
        <translation>仅显示与该租户有关的条目：从列表中选择标识，或输入标识或租户 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Te&amp;nant:</source>
        <translation>租户(&amp;N)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any actor</source>
        <translation>任意操作者</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only entries by this actor, exactly as recorded, e.g. admin, system, console:alice, api-key:&lt;id&gt;</source>
        <translation>仅显示该操作者的条目，须与记录完全一致，例如 admin、system、console:alice、api-key:&lt;id&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ctor:</source>
        <translation>操作者(&amp;C)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Any action</source>
        <translation>任意操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An action such as tenant.suspend, or every action starting with a prefix such as tenant.*</source>
        <translation>某个操作（如 tenant.suspend），或以某前缀开头的所有操作（如 tenant.*）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Act&amp;ion:</source>
        <translation>操作(&amp;I)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ti&amp;me:</source>
        <translation>时间(&amp;M)：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>There is no tenant &apos;%1&apos;. Pick one from the list, or enter a tenant ID.</source>
        <translation>不存在租户“%1”。请从列表中选择，或输入租户 ID。</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditPage</name>
    <message>
        <location filename="../widgets/audit/auditpage.cpp" line="+83"/>
        <location line="+513"/>
        <source>Audit Log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>&amp;Verify Chain…</source>
        <translation>验证哈希链(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that no audit entry was altered, removed or reordered</source>
        <translation>检查是否有审计条目被篡改、删除或调换顺序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the entries matching the applied filters to a CSV or JSON lines file</source>
        <translation>将符合当前已应用筛选条件的条目写入 CSV 或 JSON Lines 文件</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Could not load older entries: %1 (%2)</source>
        <translation>无法加载更早的条目：%1（%2）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Select an entry to see its details.</source>
        <translation>选择一个条目以查看详细信息。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UTC:</source>
        <translation>UTC：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor:</source>
        <translation>操作者：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant:</source>
        <translation>租户：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tenant ID:</source>
        <translation>租户 ID：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hash:</source>
        <translation>哈希：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous hash:</source>
        <translation>前一哈希：</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Showing entry #%1 and the entries before it. Apply or Reset shows the newest entries again.</source>
        <translation>正在显示第 %1 条及其之前的条目。点击“应用”或“重置”可重新显示最新条目。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not load the audit log: %1 (%2)</source>
        <translation>无法加载审计日志：%1（%2）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries loaded; older ones load as you scroll</source>
        <translation>已加载的条目数；向下滚动时会加载更早的条目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Matching entries</source>
        <translation>符合条件的条目数</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Entry #%1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · entry #%2</source>
        <translation>%1 · 第 %2 条</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No current tenant (purged or unknown)</source>
        <translation>无对应的现有租户（已彻底清除或未知）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The console is not connected to an audit trail.</source>
        <translation>控制台未连接到审计日志。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No audit entries match these filters.</source>
        <translation>没有符合这些筛选条件的审计条目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit log is empty. Changes to tenants and API keys, failed authentications and anomalies appear here as they happen.</source>
        <translation>审计日志为空。租户和 API 密钥的变更、认证失败以及异常一旦发生，都会显示在这里。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Checked %1 of %2 entries…</source>
        <translation>已检查 %1 / %2 条…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked %1 entries…</source>
        <translation>已检查 %1 条…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not verify the audit trail.</source>
        <translation>无法验证审计日志。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting the audit log… %1 entries written</source>
        <translation>正在导出审计日志… 已写入 %1 条</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not export the audit log.</source>
        <translation>无法导出审计日志。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Verifying the audit trail…</source>
        <translation>正在验证审计日志…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+90"/>
        <location line="+26"/>
        <source>Verify Audit Trail</source>
        <translation>验证审计日志</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON lines files (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+23"/>
        <source>Export Audit Log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Exporting the audit log…</source>
        <translation>正在导出审计日志…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Error code: %1</source>
        <translation>错误代码：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The audit trail is intact.</source>
        <translation>审计日志完好无损。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The one entry was checked: it matches its hash.</source>
        <translation>已检查唯一的一条条目：与其哈希一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All %1 entries were checked: each matches its hash and links to the entry before it.</source>
        <translation>已检查全部 %1 条条目：每条都与其哈希一致，并与前一条正确链接。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Entry #%1 was altered: its content no longer matches its hash, or it no longer links to the entry before it.</source>
        <translation>第 %1 条已被篡改：其内容与哈希不再一致，或不再与前一条正确链接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry #%1 is missing: it was removed from the log.</source>
        <translation>第 %1 条缺失：它已从日志中被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry #%1 is not where it was recorded: entries were moved or swapped.</source>
        <translation>第 %1 条不在其记录时的位置：有条目被移动或调换。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newest entries, from #%1 on, were removed.</source>
        <translation>从第 %1 条起的最新条目已被删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entries #1 to #%1 are intact.</source>
        <translation>第 1 至 %1 条完好无损。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit trail has been tampered with.</source>
        <translation>审计日志已被篡改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show Entry</source>
        <translation>显示该条目(&amp;S)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported 1 entry to %1.</source>
        <translation>已将 1 条条目导出到 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 entries to %2.</source>
        <translation>已将 %1 条条目导出到 %2。</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::AuditTableModel</name>
    <message>
        <location filename="../widgets/audit/audittablemodel.cpp" line="+57"/>
        <source>Tenant ID %1</source>
        <translation>租户 ID %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The console is not connected to an audit trail.</source>
        <translation>控制台未连接到审计日志。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Tenant registered</source>
        <translation>已注册租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant cloned from another tenant</source>
        <translation>已从其他租户克隆出租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant configuration changed</source>
        <translation>已更改租户配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant activated</source>
        <translation>已激活租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant suspended</source>
        <translation>已暂停租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant deleted (restorable until purged)</source>
        <translation>已删除租户（彻底清除前可恢复）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant restored</source>
        <translation>已恢复租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant purged with its data</source>
        <translation>已彻底清除租户及其数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key issued</source>
        <translation>已签发 API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key revoked</source>
        <translation>已吊销 API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed authentication</source>
        <translation>认证失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unusual traffic detected</source>
        <translation>检测到异常流量</translation>
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
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::BillingPage</name>
    <message>
        <location filename="../widgets/billing/billingpage.cpp" line="+61"/>
        <source>Trialing</source>
        <translation>试用中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past due</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degraded</source>
        <translation>已降级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncollectible</source>
        <translation>无法收回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yearly</source>
        <translation>按年</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+6"/>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cycle</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Period start</source>
        <translation>周期开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period end</source>
        <translation>周期结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scheduled change</source>
        <translation>计划变更</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount due</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run Billing Now</source>
        <translation>立即计费(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renew ended periods and invoice them, collect payments, mark overdue invoices and run dunning, as the server&apos;s schedule does</source>
        <translation>续订已结束的周期并开具发票、收款、标记逾期发票并执行催缴，与服务器的定时任务相同</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change &amp;Plan…</source>
        <translation>更改套餐(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the selected subscription to another plan or cycle, with its proration</source>
        <translation>将选中的订阅改为其他套餐或计费周期，并按比例结算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Billing…</source>
        <translation>正在计费…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Renewing ended periods…</source>
        <translation>正在续订已结束的周期…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collecting payments…</source>
        <translation>正在收款…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marking overdue invoices…</source>
        <translation>正在标记逾期发票…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running dunning…</source>
        <translation>正在执行催缴…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>(%n renewed)</source>
        <translation>
            <numerusform>（已续订 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stopping after the current step…</source>
        <translation>当前步骤完成后停止…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The billing run failed.</source>
        <translation>计费运行失败。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Billing ran: %1 renewed, %2 invoiced, %3 paid, %4 payments failed.</source>
        <translation>计费完成：续订 %1 个，开票 %2 张，收款 %3 笔，付款失败 %4 笔。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Billing stopped: %1 renewed, %2 invoiced so far; the next run does the rest.</source>
        <translation>计费已停止：目前续订 %1 个，开票 %2 张；其余留待下次运行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 is on %2 now; the next invoice adds %3.</source>
        <translation>%1 现已改为 %2；下一张发票将增加 %3。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 moves to %2 when its period ends.</source>
        <translation>%1 将在本计费周期结束时改为 %2。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not load the subscriptions.</source>
        <translation>无法加载订阅。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 on %2</source>
        <translation>%2 起改为 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n 个订阅</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n behind on payments</source>
        <translation>
            <numerusform>%n 个欠费</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invoices of every tenant</source>
        <translation>全部租户的发票</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invoices of %1</source>
        <translation>%1 的发票</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load the invoices.</source>
        <translation>无法加载发票。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit note</source>
        <translation>贷项通知单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not render the invoice.</source>
        <translation>无法生成发票。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write the invoice.</source>
        <translation>无法写入发票。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save invoice</source>
        <translation>保存发票</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::BusiestTenantsModel</name>
    <message>
        <location filename="../widgets/monitoring/busiesttenantsmodel.cpp" line="+52"/>
        <source>Tenant ID %1</source>
        <translation>租户 ID %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No figure: no requests in the last second, or the tenant has only just become this busy</source>
        <translation>暂无数值：最近一秒没有请求，或该租户刚刚才变得这么繁忙</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Requests per second in the last second</source>
        <translation>最近一秒的每秒请求数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests since the server started</source>
        <translation>服务器启动以来的请求数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of 4xx and 5xx answers in the last second</source>
        <translation>最近一秒 4xx 和 5xx 响应所占的比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95th percentile latency in the last second</source>
        <translation>最近一秒的第 95 百分位延迟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error rate</source>
        <translation>错误率</translation>
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
        <source>Catalog in &amp;PostgreSQL</source>
        <translation type="vanished">目录位于 PostgreSQL(&amp;P)</translation>
    </message>
    <message>
        <source>Connect to a Catalog</source>
        <translation type="vanished">连接到目录</translation>
    </message>
    <message>
        <location filename="../widgets/connection/connectdialog.cpp" line="+36"/>
        <source>Connect To</source>
        <translation>连接到</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The default data directory</source>
        <translation>默认数据目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data directory (embedded SQLite catalog)</source>
        <translation>数据目录（内嵌 SQLite 目录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PostgreSQL catalog</source>
        <translation>PostgreSQL 目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote server (admin API)</source>
        <translation>远程服务器（管理 API）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept in the keychain; empty keeps the saved one</source>
        <translation>保存在钥匙串中；留空则保留已保存的密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server&apos;s admin token; kept in the keychain, empty keeps the saved one</source>
        <translation>服务器的管理令牌；保存在钥匙串中，留空则保留已保存的令牌</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data Directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Data directory:</source>
        <translation>数据目录(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database &amp;URL:</source>
        <translation>数据库 URL(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ser&amp;ver:</source>
        <translation>服务器(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin &amp;token:</source>
        <translation>管理令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>With http:// the admin token crosses the network in clear text: use https:// (e.g. the server behind nginx with TLS) for anything but this machine.</source>
        <translation>使用 http:// 时，管理令牌会以明文在网络上传输：除本机外请使用 https://（例如在启用 TLS 的 nginx 之后运行服务器）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The profile was not saved: %1</source>
        <translation>配置未保存：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The profile was saved, its password not: %1</source>
        <translation>配置已保存，但密码未保存：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The profile was saved, its admin token not: %1</source>
        <translation>配置已保存，但管理令牌未保存：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Profile %1 saved.</source>
        <translation>配置 %1 已保存。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Profile %1 deleted.</source>
        <translation>配置 %1 已删除。</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::JsonDiffView</name>
    <message>
        <location filename="../widgets/audit/jsondiffview.cpp" line="+79"/>
        <source>No state recorded</source>
        <translation>未记录状态</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>变更后</translation>
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
        <translation>此控制台当前连接的目标</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Tenants</source>
        <translation>租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscriptions &amp; Billing</source>
        <translation>订阅与计费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotas &amp; Usage</source>
        <translation>配额与用量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit Log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: coming soon</source>
        <translation>%1：即将推出</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tenants</source>
        <translation>租户(&amp;T)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start Embedded Server</source>
        <translation>启动内置服务器(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top Embedded Server</source>
        <translation>停止内置服务器(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy Server &amp;URL</source>
        <translation>复制服务器地址(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy &amp;Admin Token</source>
        <translation>复制管理令牌(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Tenantry</source>
        <translation>关于 Tenantry(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Connect to…</source>
        <translation>连接到(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another catalog or server from the saved connection profiles</source>
        <translation>从已保存的连接配置中打开另一个目录或服务器</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Embedded server</source>
        <translation>内置服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The embedded server could not be started:

%1</source>
        <translation>无法启动内置服务器：

%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server: stopped</source>
        <translation>服务器：已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The embedded HTTP server is answering at %1 (Server menu to stop it)</source>
        <translation>内置 HTTP 服务器正在 %1 提供服务（可在“服务器”菜单中停止）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The embedded HTTP server is not running (Server menu to start it)</source>
        <translation>内置 HTTP 服务器未运行（可在“服务器”菜单中启动）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Show</source>
        <translation>查看(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Checking for alerts failed: %1</source>
        <translation>检查警报失败：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (%2 unseen alerts)</source>
        <translation>%1（%2 条未查看的警报）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Unseen alerts: %1. Click to see them in the Audit Log.</source>
        <translation>未查看的警报：%1 条。点击可在审计日志中查看。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Tenantry</source>
        <translation>关于 Tenantry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;Operator console for the Tenantry multi-tenancy platform.&lt;/p&gt;&lt;p&gt;Connected to: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;Tenantry 多租户平台的运维控制台。&lt;/p&gt;&lt;p&gt;已连接到：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::MessageBanner</name>
    <message>
        <location filename="../widgets/messagebanner.cpp" line="+69"/>
        <source>Close</source>
        <translation>关闭</translation>
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
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../widgets/monitoring/monitoringpage.cpp" line="+64"/>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 5 minutes, updated every second</source>
        <translation>最近 5 分钟，每秒更新</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tenant whose requests are drawn beside the total</source>
        <translation>在总量旁边绘制其请求曲线的租户</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Selected tenant:</source>
        <translation>选定租户(&amp;S)：</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No live traffic to show</source>
        <translation>没有可显示的实时流量</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>The embedded server is not running — start it from the Server menu.</source>
        <translation>内置服务器未运行——请从“服务器”菜单启动它。</translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+57"/>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Error rate (4xx + 5xx)</source>
        <translation>错误率（4xx + 5xx）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency p95</source>
        <translation>p95 延迟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenants seen</source>
        <translation>有过请求的租户</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alert</source>
        <translation>告警内容</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No alerts.</source>
        <translation>暂无告警。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>/s</source>
        <comment>per second, after a number</comment>
        <translation>/秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> ms</source>
        <comment>milliseconds, after a number</comment>
        <translation> 毫秒</translation>
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
        <translation>请求/秒</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>All tenants</source>
        <translation>全部租户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latency</source>
        <translation>延迟</translation>
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
        <translation>错误率</translation>
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
        <translation>当前请求最多的 10 个租户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click a bar to draw that tenant&apos;s requests</source>
        <translation>点击柱条以绘制该租户的请求曲线</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Click a tenant to draw its requests</source>
        <translation>点击租户以绘制其请求曲线</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Busiest tenants in the last second</source>
        <translation>最近一秒最繁忙的租户</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The server&apos;s traffic cannot be read: %1</source>
        <translation>无法读取服务器的流量：%1</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Since start: %1</source>
        <translation>启动以来：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5xx: %1</source>
        <translation>5xx：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>p50 %1 · p99 %2</source>
        <translation>p50 %1 · p99 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No requests</source>
        <translation>无请求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active now: %1</source>
        <translation>当前活跃：%1</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::PlanChangeDialog</name>
    <message>
        <location filename="../widgets/billing/planchangedialog.cpp" line="+48"/>
        <source>Change the plan of %1</source>
        <translation>更改 %1 的套餐</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (current)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yearly</source>
        <translation>按年</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now on %1, billed %2; this period runs from %3 to %4.</source>
        <translation>当前为 %1，%2计费；本周期从 %3 到 %4。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yearly</source>
        <translation>按年</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line</source>
        <translation>明细</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New &amp;plan:</source>
        <translation>新套餐(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Billing cycle:</source>
        <translation>计费周期(&amp;B)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Change Plan</source>
        <translation>更改套餐(&amp;C)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The plans could not be read: %1</source>
        <translation>无法读取套餐：%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose another plan or billing cycle.</source>
        <translation>请选择其他套餐或计费周期。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A downgrade.</source>
        <translation>降级。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An upgrade.</source>
        <translation>升级。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Net on the next invoice: %1</source>
        <translation>下一张发票净增：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Takes effect at once (prorated to %1).</source>
        <translation>立即生效（按比例结算至 %1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes effect when this period ends, on %1; nothing is prorated.</source>
        <translation>于本周期结束时（%1）生效；不按比例结算。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The subscription changed or the preview got old; check the amounts again and confirm.</source>
        <translation>订阅已变化或预览已过期；请重新核对金额后再确认。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan was not changed: %1</source>
        <translation>套餐未更改：%1</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::QuotaAlertWatcher</name>
    <message>
        <location filename="../widgets/alerts/quotaalertwatcher.cpp" line="+57"/>
        <source>%1 reached %2% of %3: %4</source>
        <translation>%1 已达到%3的 %2%：%4</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::QuotaLimitsModel</name>
    <message>
        <location filename="../widgets/quotas/quotalimitsmodel.cpp" line="+30"/>
        <source>API calls per day</source>
        <translation>每日 API 调用数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests per calendar day in the tenant&apos;s time zone, weighted by route costs.</source>
        <translation>按租户时区的自然日计算的请求数，按路由成本加权。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API calls per month</source>
        <translation>每月 API 调用数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests per calendar month in the tenant&apos;s time zone, weighted by route costs.</source>
        <translation>按租户时区的自然月计算的请求数，按路由成本加权。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request rate</source>
        <translation>请求速率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sustained requests per second (may be fractional).</source>
        <translation>持续的每秒请求数（可为小数）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burst</source>
        <translation>突发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests allowed at once above the rate; needs a rate. Unset: one second&apos;s worth.</source>
        <translation>超出速率时可一次放行的请求数；需要先设速率。未设置时为一秒的量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concurrent requests</source>
        <translation>并发请求数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests in flight at the same time.</source>
        <translation>同时处理中的请求数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the tenant&apos;s data; writes are refused from the limit on. Units: KB, MB, GB, KiB, MiB, GiB, TiB.</source>
        <translation>租户数据的大小；达到上限后拒绝写入。单位：KB、MB、GB、KiB、MiB、GiB、TiB。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database connections</source>
        <translation>数据库连接数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions on the tenant&apos;s data open at once.</source>
        <translation>同时打开的租户数据事务数。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+52"/>
        <location line="+204"/>
        <source>Unlimited</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>%1 records of %2</source>
        <translation>%2 最多 %1 条记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 per %2</source>
        <translation>每%2 %1 次</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+298"/>
        <source>unlimited</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location line="-254"/>
        <source>%1 /s</source>
        <translation>%1 次/秒</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>in %1 s</source>
        <translation>%1 秒后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in %1 min</source>
        <translation>%1 分钟后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in %1 h %2 min</source>
        <translation>%1 小时 %2 分钟后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1 d %2 h</source>
        <translation>%1 天 %2 小时后</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>(unknown plan)</source>
        <translation>（未知套餐）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 s of rate</source>
        <translation>一秒的速率</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>%1 of %2 (%3)</source>
        <translation>%1 / %2（%3）</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Empty: the plan&apos;s limit holds. &quot;unlimited&quot;: no limit. Otherwise a number.</source>
        <translation>留空：沿用套餐的限额。“无限制”（或 unlimited）：不设限。否则填写数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A custom rule; rules are changed with the admin API or the command line.</source>
        <translation>自定义规则；规则通过管理 API 或命令行修改。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Enter a size such as 500 MB or 20 GiB, &quot;unlimited&quot;, or nothing for the plan&apos;s limit.</source>
        <translation>请输入大小（如 500 MB 或 20 GiB）、“无限制”，或留空沿用套餐限额。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter a whole number, &quot;unlimited&quot;, or nothing for the plan&apos;s limit.</source>
        <translation>请输入整数、“无限制”，或留空沿用套餐限额。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter requests per second (e.g. 2.5), &quot;unlimited&quot;, or nothing for the plan&apos;s limit.</source>
        <translation>请输入每秒请求数（如 2.5）、“无限制”，或留空沿用套餐限额。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A limit must be above zero; write &quot;unlimited&quot; for no limit.</source>
        <translation>限额必须大于零；不设限请填写“无限制”。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Limit</source>
        <translation>限额项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override</source>
        <translation>覆盖值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In effect</source>
        <translation>生效值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resets</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::QuotasPage</name>
    <message>
        <location filename="../widgets/quotas/quotaspage.cpp" line="+57"/>
        <source>Unapplied changes</source>
        <translation>未应用的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The limits of %1 were edited but not applied. Discard the changes?</source>
        <translation>%1 的限额已修改但尚未应用。要放弃这些更改吗？</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search tenants…</source>
        <translation>搜索租户…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a tenant to see its limits and what it uses of them.</source>
        <translation>选择一个租户，查看其限额及用量。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Use &amp;Plan Limits</source>
        <translation>沿用套餐限额(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this tenant&apos;s overrides of the built-in limits (apply to keep it)</source>
        <translation>移除该租户对内置限额的覆盖值（应用后生效）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The limits of %1 could not be read: %2</source>
        <translation>无法读取 %1 的限额：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The plan &quot;%1&quot; of %2 does not exist: only the tenant&apos;s overrides limit it.</source>
        <translation>%2 的套餐“%1”不存在：只有该租户的覆盖值在生效。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Usage could not be read: %1</source>
        <translation>无法读取用量：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Some limits are not valid (marked in red); correct them or revert.</source>
        <translation>部分限额无效（红色标出）；请改正或还原。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The limits of %1 were not changed: %2</source>
        <translation>%1 的限额未修改：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The limits of %1 are changed; running servers apply them within seconds.</source>
        <translation>%1 的限额已修改；运行中的服务器会在几秒内生效。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quotas &amp; Usage</source>
        <translation>配额与用量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage: %1</source>
        <translation>用量：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan: %1</source>
        <translation>套餐：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage: %1, as of %2</source>
        <translation>用量：%1，截至 %2</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::SecretStore</name>
    <message>
        <location filename="../widgets/connection/secretstore.cpp" line="+36"/>
        <source>No keychain is available: passwords are kept in %1, readable only by your user account. Install and unlock a keychain (e.g. GNOME Keyring or KWallet) to keep them there instead.</source>
        <translation>没有可用的钥匙串：密码保存在 %1 中，仅您的用户帐户可读。安装并解锁钥匙串（如 GNOME Keyring 或 KWallet）即可改为保存在钥匙串中。</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::SettingsPage</name>
    <message>
        <location filename="../widgets/settings/settingspage.cpp" line="+20"/>
        <location line="+6"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes apply at once; the window is redrawn in the new language or colours.</source>
        <translation>更改立即生效；窗口会以新的语言或配色重新绘制。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Settings are kept in %1</source>
        <translation>设置保存在 %1</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantDialog</name>
    <message>
        <location filename="../widgets/tenants/tenantdialog.cpp" line="+105"/>
        <source>New Tenant</source>
        <translation>新建租户</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit Tenant</source>
        <translation>编辑租户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clone Tenant</source>
        <translation>克隆租户</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Slug</source>
        <translation>标识</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale</source>
        <translation>区域设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theme colour</source>
        <translation>主题色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isolation</source>
        <translation>隔离方式</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The new tenant gets the plan and configuration of &lt;b&gt;%1&lt;/b&gt; (%2). Its data and API keys are not copied.</source>
        <translation>新租户将沿用 &lt;b&gt;%1&lt;/b&gt;（%2）的套餐和配置，但不会复制其数据和 API 密钥。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>How operators and the tenant&apos;s users will know it. The slug identifies it in URLs and API calls and cannot be changed later.</source>
        <translation>运维人员和租户用户看到的名称。标识用于 URL 和 API 调用中识别租户，创建后不能更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the tenant may use and where its data lives.</source>
        <translation>租户可以使用的资源，以及其数据的存放位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How dates, times and the tenant&apos;s branding look.</source>
        <translation>日期、时间和租户品牌的显示方式。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>e.g. Acme Corporation</source>
        <translation>例如：Acme Corporation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. acme</source>
        <translation>例如：acme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identifies the tenant in URLs and API calls, e.g. acme.example.com. Lower-case letters, digits and hyphens. It cannot be changed later.</source>
        <translation>在 URL 和 API 调用中标识该租户，例如 acme.example.com。仅限小写字母、数字和连字符，创建后不可更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Slug:</source>
        <translation>标识(&amp;S)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Plan:</source>
        <translation>套餐(&amp;P)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As the plan says</source>
        <translation>按套餐默认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the tenant&apos;s data lives: tables shared with other tenants (rows keyed by tenant), a schema of its own (PostgreSQL), or a database of its own. It cannot be changed later.</source>
        <translation>租户数据存放的位置：与其他租户共享的表（按租户区分行）、独立的 schema（PostgreSQL）或独立的数据库。创建后不能更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Isolation:</source>
        <translation>隔离方式(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — changed with the subscription, on the Subscriptions &amp; Billing page</source>
        <translation>%1 — 随订阅更改，请到“订阅与计费”页面</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+174"/>
        <source>Plan:</source>
        <translation>套餐：</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>&amp;Locale:</source>
        <translation>区域设置(&amp;L)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accent colour of the tenant&apos;s branding</source>
        <translation>租户品牌的强调色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Theme &amp;colour:</source>
        <translation>主题色(&amp;C)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Activate immediately</source>
        <translation>立即激活(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Otherwise the tenant stays pending until you activate it.</source>
        <translation>否则租户将保持“待激活”，直到您手动激活。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;lone</source>
        <translation>克隆(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (copy)</source>
        <translation>%1 - 副本</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan and data</source>
        <translation>套餐与数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region and branding</source>
        <translation>地区与品牌</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slug:</source>
        <translation>标识：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isolation:</source>
        <translation>隔离方式：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts:</source>
        <translation>初始状态：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation>已激活</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pending, until activated</source>
        <translation>待激活，直到手动激活</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale:</source>
        <translation>区域设置：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme colour:</source>
        <translation>主题颜色：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Create this tenant?&lt;/p&gt;</source>
        <translation>&lt;p&gt;创建此租户？&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Its first API key is shown on the next page, once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;其第一个 API 密钥将在下一页显示，且仅显示一次。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Its first API key:</source>
        <translation>首个 API 密钥：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;This key is shown only once.&lt;/b&gt; Copy it now and store it somewhere safe: it cannot be shown again. If it is lost, issue a new key and revoke this one.</source>
        <translation>&lt;b&gt;此密钥仅显示一次。&lt;/b&gt;请立即复制并妥善保存，之后将无法再次查看。如果丢失，请签发新密钥并吊销此密钥。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Theme Colour</source>
        <translation>主题色</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Tenant Cloned</source>
        <translation>租户已克隆</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tenant Created</source>
        <translation>租户已创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant &lt;b&gt;%1&lt;/b&gt; (%2) has been created.</source>
        <translation>已创建租户 &lt;b&gt;%1&lt;/b&gt;（%2）。</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantInsights</name>
    <message>
        <location filename="../widgets/tenants/tenantinsights.cpp" line="+47"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recent activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Usage could not be read: %1</source>
        <translation>无法读取用量：%1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Resets %1</source>
        <translation>%1重置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No limits apply to this tenant.</source>
        <translation>该租户没有任何限额。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage %1.</source>
        <translation>用量：%1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The activity could not be read: %1</source>
        <translation>无法读取活动记录：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1  %2 · %3</source>
        <translation>%1  %2 · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (×%2)</source>
        <translation>%1（×%2）</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantPicker</name>
    <message>
        <location filename="../widgets/monitoring/tenantpicker.cpp" line="+22"/>
        <source>Tenant slug</source>
        <translation>租户标识</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>(no tenant)</source>
        <translation>（无租户）</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantTableModel</name>
    <message>
        <location filename="../widgets/tenants/tenanttablemodel.cpp" line="+96"/>
        <source>Slug</source>
        <translation>标识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolation</source>
        <translation>隔离方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The console is not connected to a tenant catalog.</source>
        <translation>控制台未连接到租户目录。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Pending</source>
        <translation>待激活</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>已激活</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purged</source>
        <translation>已清除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Free</source>
        <translation>免费版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basic</source>
        <translation>基础版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro</source>
        <translation>专业版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enterprise</source>
        <translation>企业版</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shared tables</source>
        <translation>共享表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Own schema</source>
        <translation>独立 Schema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Own database</source>
        <translation>独立数据库</translation>
    </message>
</context>
<context>
    <name>Tenantry::Widgets::TenantsPage</name>
    <message>
        <location filename="../widgets/tenants/tenantspage.cpp" line="+67"/>
        <source>%1, %2</source>
        <comment>date, time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not activate %1.</source>
        <translation>无法激活 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not suspend %1.</source>
        <translation>无法暂停 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not delete %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not restore %1.</source>
        <translation>无法恢复 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not purge %1.</source>
        <translation>无法清除 %1。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register a new tenant</source>
        <translation>注册新租户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lone…</source>
        <translation>克隆(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a new tenant with this tenant&apos;s plan and configuration</source>
        <translation>以此租户的套餐和配置创建新租户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the tenant&apos;s display name, locale, time zone and theme colour</source>
        <translation>修改租户的显示名称、区域设置、时区和主题色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Activate</source>
        <translation>激活(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let the tenant serve requests</source>
        <translation>允许该租户处理请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Suspend</source>
        <translation>暂停(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop serving the tenant&apos;s requests; its data is kept</source>
        <translation>停止处理该租户的请求，其数据将保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring a deleted tenant back, suspended, for review</source>
        <translation>恢复已删除的租户，恢复后处于暂停状态以供审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the tenant; it can be restored until it is purged</source>
        <translation>删除该租户；在彻底清除之前仍可恢复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the tenants again</source>
        <translation>重新加载租户列表</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+548"/>
        <source>Tenants</source>
        <translation>租户</translation>
    </message>
    <message>
        <location line="-513"/>
        <source>Search slug or name</source>
        <translation>搜索标识或名称</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show only tenants with this status</source>
        <translation>仅显示处于此状态的租户</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading tenants… %1 of %2</source>
        <translation>正在加载租户… %1 / %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Select a tenant to see its details.</source>
        <translation>选择一个租户以查看详细信息。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan:</source>
        <translation>套餐：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isolation:</source>
        <translation>隔离方式：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale:</source>
        <translation>区域设置：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Theme colour:</source>
        <translation>主题色：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated:</source>
        <translation>更新时间：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The tenant&apos;s immutable ID; never reused</source>
        <translation>租户的不可变 ID，永不重复使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purge allowed:</source>
        <translation>可清除时间：</translation>
    </message>
    <message>
        <location line="-94"/>
        <location line="+164"/>
        <source>Could not load the tenants.</source>
        <translation>无法加载租户列表。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading tenants…</source>
        <translation>正在加载租户…</translation>
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
        <translation>%1 之后</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenants shown / all tenants except purged ones</source>
        <translation>显示的租户数 / 全部租户数（不含已清除的租户）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete Tenant</source>
        <translation>删除租户</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;p&gt;Delete &lt;b&gt;%1&lt;/b&gt; (&lt;b&gt;%2&lt;/b&gt;)?&lt;/p&gt;&lt;p&gt;The tenant stops serving requests at once. Its data is kept, and it can be restored until it is purged.&lt;/p&gt;&lt;p&gt;Type &lt;b&gt;%2&lt;/b&gt; to confirm:&lt;/p&gt;</source>
        <translation>&lt;p&gt;删除 &lt;b&gt;%1&lt;/b&gt;（&lt;b&gt;%2&lt;/b&gt;）？&lt;/p&gt;&lt;p&gt;租户将立即停止服务。数据会保留，彻底清除前均可恢复。&lt;/p&gt;&lt;p&gt;请输入 &lt;b&gt;%2&lt;/b&gt; 以确认：&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error code: %1</source>
        <translation>错误代码：%1</translation>
    </message>
</context>
</TS>
