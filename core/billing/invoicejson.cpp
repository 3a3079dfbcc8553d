#include "core/billing/invoicejson.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tenantry::Billing {
namespace {

QJsonArray stringsJson(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

QJsonObject partyJson(const InvoiceParty &p)
{
    return {{u"name"_s, p.name}, {u"address"_s, stringsJson(p.address)}, {u"tax_id"_s, p.taxId}, {u"email"_s, p.email}};
}

QJsonObject lineJson(const InvoiceLine &l)
{
    QJsonArray details;
    for (const InvoiceLineDetail &d : l.details)
        details.append(QJsonObject{{u"description"_s, d.description},
                                   {u"quantity"_s, QString::number(d.quantity)},
                                   {u"unit_price"_s, d.unitPrice.decimal()},
                                   {u"amount"_s, d.amount.decimal()}});
    return {{u"kind"_s, l.kind},
            {u"description"_s, l.description},
            {u"dimension"_s, l.dimension},
            // As a string: quantities of calls can exceed what a JSON double holds exactly.
            {u"quantity"_s, QString::number(l.quantity)},
            {u"unit_label"_s, l.unitLabel},
            {u"unit_price"_s, l.unitPrice.decimal()},
            {u"amount"_s, l.amount.decimal()},
            {u"period_start"_s, billingTimeJson(l.periodStartMs)},
            {u"period_end"_s, billingTimeJson(l.periodEndMs)},
            {u"details"_s, details}};
}

// Reads fields of one object, remembering the first failure so callers read straight through.
class Reader
{
public:
    Reader(const QJsonObject &object, const QString &path, const Currency &currency, QString *failure)
        : m_object(object), m_path(path), m_currency(currency), m_failure(failure) {}

    QString string(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return QString();
        if (!v.isString())
            fail(key, u"must be a string"_s);
        return v.toString();
    }

    qint64 integer(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        bool ok = false;
        const qint64 n = v.isString() ? v.toString().toLongLong(&ok) : 0;
        if (!ok)
            fail(key, u"must be a whole number as a string"_s);
        return n;
    }

    Money money(const QString &key)
    {
        auto m = Money::parse(m_object.value(key).toString(), m_currency);
        if (!m) {
            fail(key, u"must be an amount in %1"_s.arg(m_currency.code));
            return Money(0, m_currency);
        }
        return m.value();
    }

    qint64 time(const QString &key)
    {
        qint64 ms = 0;
        if (!parseBillingTime(m_object.value(key), &ms))
            fail(key, u"must be an ISO-8601 UTC time like 2026-03-01T00:00:00Z"_s);
        return ms;
    }

    QStringList strings(const QString &key)
    {
        QStringList out;
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            fail(key, u"must be an array of strings"_s);
            return out;
        }
        for (const QJsonValue &s : v.toArray()) {
            if (!s.isString())
                fail(key, u"must be an array of strings"_s);
            out.append(s.toString());
        }
        return out;
    }

    QJsonArray array(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isArray())
            fail(key, u"must be an array"_s);
        return v.toArray();
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (!v.isObject())
            fail(key, u"must be an object"_s);
        return v.toObject();
    }

    QString path(const QString &key) const { return m_path + u'/' + key; }

    void fail(const QString &key, const QString &why)
    {
        if (m_failure->isEmpty())
            *m_failure = u"%1 %2"_s.arg(path(key), why);
    }

private:
    QJsonObject m_object;
    QString m_path;
    Currency m_currency;
    QString *m_failure;
};

InvoiceParty readParty(Reader &parent, const QString &key, const Currency &currency, QString *failure)
{
    Reader r(parent.object(key), parent.path(key), currency, failure);
    return {r.string(u"name"_s), r.strings(u"address"_s), r.string(u"tax_id"_s), r.string(u"email"_s)};
}

InvoiceLine readLine(const QJsonObject &object, const QString &path, const Currency &currency, QString *failure)
{
    Reader l(object, path, currency, failure);
    InvoiceLine line;
    line.kind = l.string(u"kind"_s);
    line.description = l.string(u"description"_s);
    line.dimension = l.string(u"dimension"_s);
    line.quantity = l.integer(u"quantity"_s);
    line.unitLabel = l.string(u"unit_label"_s);
    line.unitPrice = l.money(u"unit_price"_s);
    line.amount = l.money(u"amount"_s);
    line.periodStartMs = l.time(u"period_start"_s);
    line.periodEndMs = l.time(u"period_end"_s);
    const QJsonArray details = l.array(u"details"_s);
    for (qsizetype j = 0; j < details.size(); ++j) {
        Reader d(details[j].toObject(), path + u"/details/%1"_s.arg(j), currency, failure);
        if (!details[j].isObject())
            d.fail(QString(), u"must be an object"_s);
        line.details.append(InvoiceLineDetail{d.string(u"description"_s), d.integer(u"quantity"_s),
                                              d.money(u"unit_price"_s), d.money(u"amount"_s)});
    }
    return line;
}

} // namespace

QJsonObject invoiceLineToJson(const InvoiceLine &line)
{
    return lineJson(line);
}

Result<InvoiceLine> invoiceLineFromJson(const QJsonObject &json, const Currency &currency)
{
    QString failure;
    InvoiceLine line = readLine(json, QString(), currency, &failure);
    if (!failure.isEmpty())
        return Error::invalid(u"invalid-invoice-document"_s, u"The invoice line is invalid: %1."_s.arg(failure));
    return line;
}

// Whole seconds are what invoices carry; milliseconds appear only when present.
QJsonValue billingTimeJson(qint64 ms)
{
    if (ms == 0)
        return QJsonValue(QJsonValue::Null);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(ms % 1000 == 0 ? u"yyyy-MM-ddTHH:mm:ss'Z'"_s : u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
}

bool parseBillingTime(const QJsonValue &value, qint64 *out)
{
    if (value.isUndefined() || value.isNull()) {
        *out = 0;
        return true;
    }
    const QString text = value.toString();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!value.isString() || !t.isValid() || !text.endsWith(u'Z'))
        return false;
    *out = t.toMSecsSinceEpoch();
    return true;
}

QJsonObject invoiceToJson(const Invoice &invoice)
{
    QJsonArray lines;
    for (const InvoiceLine &l : invoice.lines)
        lines.append(lineJson(l));
    auto difference = invoice.total.minus(invoice.amountPaid);
    const Money due = difference ? difference.value() : invoice.total;
    return {{u"id"_s, invoice.id},
            {u"number"_s, invoice.number},
            {u"kind"_s, invoiceKindName(invoice.kind)},
            {u"corrects_id"_s, invoice.correctsId},
            {u"corrects_number"_s, invoice.correctsNumber},
            {u"tenant_id"_s, invoice.tenantId},
            {u"tenant_slug"_s, invoice.tenantSlug},
            {u"status"_s, invoiceStatusName(invoice.status)},
            {u"currency"_s, invoice.currency.code},
            {u"period_start"_s, billingTimeJson(invoice.periodStartMs)},
            {u"period_end"_s, billingTimeJson(invoice.periodEndMs)},
            {u"issued_at"_s, billingTimeJson(invoice.issuedMs)},
            {u"due_at"_s, billingTimeJson(invoice.dueMs)},
            {u"paid_at"_s, billingTimeJson(invoice.paidMs)},
            {u"issuer"_s, partyJson(invoice.issuer)},
            {u"customer"_s, partyJson(invoice.customer)},
            {u"branding"_s, QJsonObject{{u"display_name"_s, invoice.branding.displayName},
                                        {u"accent_color"_s, invoice.branding.accentColor},
                                        {u"logo"_s, QString::fromLatin1(invoice.branding.logo.toBase64())}}},
            {u"lines"_s, lines},
            {u"tax_rate_ppm"_s, QString::number(invoice.taxRatePpm)},
            {u"subtotal"_s, invoice.subtotal.decimal()},
            {u"tax"_s, invoice.tax.decimal()},
            {u"total"_s, invoice.total.decimal()},
            {u"amount_paid"_s, invoice.amountPaid.decimal()},
            {u"amount_due"_s, due.decimal()},
            {u"memo"_s, invoice.memo}};
}

Result<Invoice> invoiceFromJson(const QJsonObject &json)
{
    QString failure;
    Invoice inv;
    auto currency = currencyOf(json.value(u"currency"_s).toString());
    if (!currency)
        return Error::invalid(u"invalid-invoice-document"_s,
                              u"The invoice document is invalid: /currency must be an ISO 4217 code."_s);
    inv.currency = currency.value();
    Reader r(json, QString(), inv.currency, &failure);
    inv.id = r.string(u"id"_s);
    if (inv.id.isEmpty())
        r.fail(u"id"_s, u"is required"_s);
    inv.number = r.string(u"number"_s);
    if (!parseInvoiceKind(r.string(u"kind"_s), &inv.kind))
        r.fail(u"kind"_s, u"must be invoice or credit_note"_s);
    inv.correctsId = r.string(u"corrects_id"_s);
    inv.correctsNumber = r.string(u"corrects_number"_s);
    inv.tenantId = r.string(u"tenant_id"_s);
    inv.tenantSlug = r.string(u"tenant_slug"_s);
    if (!parseInvoiceStatus(r.string(u"status"_s), &inv.status))
        r.fail(u"status"_s, u"must be draft, open, paid, void or uncollectible"_s);
    inv.periodStartMs = r.time(u"period_start"_s);
    inv.periodEndMs = r.time(u"period_end"_s);
    inv.issuedMs = r.time(u"issued_at"_s);
    inv.dueMs = r.time(u"due_at"_s);
    inv.paidMs = r.time(u"paid_at"_s);
    inv.issuer = readParty(r, u"issuer"_s, inv.currency, &failure);
    inv.customer = readParty(r, u"customer"_s, inv.currency, &failure);
    {
        Reader b(r.object(u"branding"_s), r.path(u"branding"_s), inv.currency, &failure);
        inv.branding.displayName = b.string(u"display_name"_s);
        inv.branding.accentColor = b.string(u"accent_color"_s);
        const QByteArray base64 = b.string(u"logo"_s).toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            b.fail(u"logo"_s, u"must be base64"_s);
        inv.branding.logo = *decoded;
    }
    const QJsonArray lines = r.array(u"lines"_s);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString path = u"/lines/%1"_s.arg(i);
        if (!lines[i].isObject()) {
            r.fail(u"lines/%1"_s.arg(i), u"must be an object"_s);
            continue;
        }
        inv.lines.append(readLine(lines[i].toObject(), path, inv.currency, &failure));
    }
    inv.taxRatePpm = r.integer(u"tax_rate_ppm"_s);
    inv.subtotal = r.money(u"subtotal"_s);
    inv.tax = r.money(u"tax"_s);
    inv.total = r.money(u"total"_s);
    inv.amountPaid = r.money(u"amount_paid"_s);
    inv.memo = r.string(u"memo"_s);
    if (!failure.isEmpty())
        return Error::invalid(u"invalid-invoice-document"_s, u"The invoice document is invalid: %1."_s.arg(failure));
    return inv;
}

} // namespace Tenantry::Billing
