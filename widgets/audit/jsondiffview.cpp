#include "widgets/audit/jsondiffview.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

// Translucent, so they tint light and dark bases alike.
const QColor kChanged(0xd4, 0xa0, 0x17, 80);
const QColor kRemoved(0xcf, 0x22, 0x2e, 60);
const QColor kAdded(0x1a, 0x8f, 0x3c, 60);

// A JSON value as text: objects and arrays indented by four spaces per level (continuation
// lines shifted by `indent`), anything else in its compact form.
QString jsonText(const QJsonValue &value, int indent)
{
    if (value.isObject() || value.isArray()) {
        const QJsonDocument doc = value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
        QString text = QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
        if (indent > 0)
            text.replace(u'\n', u'\n' + QString(indent, u' '));
        return text;
    }
    // QJsonDocument writes only objects and arrays, hence the wrapping array.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

struct PrettyJson {
    QString text;
    QHash<QString, std::pair<int, int>> keyLines; // top-level key -> first and last line
};

PrettyJson pretty(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (!value.isObject() || value.toObject().isEmpty())
        return {jsonText(value, 0), {}};
    const QJsonObject object = value.toObject();
    PrettyJson out;
    QStringList lines{u"{"_s};
    const QStringList keys = object.keys(); // sorted
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString &key = keys.at(i);
        QString member = u"    "_s + jsonText(QJsonValue(key), 0) + u": "_s + jsonText(object.value(key), 4);
        if (i + 1 < keys.size())
            member += u',';
        const QStringList memberLines = member.split(u'\n');
        const int first = int(lines.size());
        out.keyLines.insert(key, {first, first + int(memberLines.size()) - 1});
        lines.append(memberLines);
    }
    lines.append(u"}"_s);
    out.text = lines.join(u'\n');
    return out;
}

QPlainTextEdit *jsonPane(const QString &objectName, QWidget *parent)
{
    auto *pane = new QPlainTextEdit(parent);
    pane->setObjectName(objectName);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setPlaceholderText(JsonDiffView::tr("No state recorded"));
    return pane;
}

// Shows `json` in `pane` with the lines of `keys` tinted: kChanged where `other` has the key
// too, `onlyHere` where it does not.
void showJson(QPlainTextEdit *pane, const PrettyJson &json, const QStringList &keys, const QJsonObject &other,
          const QColor &onlyHere)
{
    pane->setPlainText(json.text);
    QList<QTextEdit::ExtraSelection> selections;
    for (const QString &key : keys) {
        const auto range = json.keyLines.constFind(key);
        if (range == json.keyLines.cend())
            continue;
        const QColor color = other.contains(key) ? kChanged : onlyHere;
        for (int line = range->first; line <= range->second; ++line) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(pane->document()->findBlockByNumber(line));
            selection.format.setBackground(color);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(selection);
        }
    }
    pane->setExtraSelections(selections);
    // Start scrolled to the first change; long states would hide it below the fold.
    if (!selections.isEmpty()) {
        int first = pane->document()->blockCount();
        for (const QTextEdit::ExtraSelection &s : std::as_const(selections))
            first = std::min(first, s.cursor.blockNumber());
        pane->setTextCursor(QTextCursor(pane->document()->findBlockByNumber(first)));
        pane->centerCursor();
    }
}

} // namespace

JsonDiffView::JsonDiffView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *beforeLabel = new QLabel(tr("Before"), this);
    auto *afterLabel = new QLabel(tr("After"), this);
    for (QLabel *label : {beforeLabel, afterLabel})
        label->setForegroundRole(QPalette::PlaceholderText);
    m_before = jsonPane(u"beforeJson"_s, this);
    m_after = jsonPane(u"afterJson"_s, this);
    layout->addWidget(beforeLabel, 0, 0);
    layout->addWidget(afterLabel, 0, 1);
    layout->addWidget(m_before, 1, 0);
    layout->addWidget(m_after, 1, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
}

void JsonDiffView::setStates(const QJsonValue &before, const QJsonValue &after)
{
    m_changedKeys = changedTopLevelKeys(before, after);
    showJson(m_before, pretty(before), m_changedKeys, after.toObject(), kRemoved);
    showJson(m_after, pretty(after), m_changedKeys, before.toObject(), kAdded);
}

void JsonDiffView::clear()
{
    setStates(QJsonValue::Null, QJsonValue::Null);
}

QString JsonDiffView::beforeText() const
{
    return m_before->toPlainText();
}

QString JsonDiffView::afterText() const
{
    return m_after->toPlainText();
}

QStringList JsonDiffView::changedTopLevelKeys(const QJsonValue &before, const QJsonValue &after)
{
    if (!before.isObject() || !after.isObject())
        return {};
    const QJsonObject a = before.toObject(), b = after.toObject();
    QStringList keys;
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (!b.contains(it.key()) || b.value(it.key()) != it.value())
            keys.append(it.key());
    }
    for (auto it = b.begin(); it != b.end(); ++it) {
        if (!a.contains(it.key()))
            keys.append(it.key());
    }
    keys.sort();
    return keys;
}

} // namespace Tenantry::Widgets
