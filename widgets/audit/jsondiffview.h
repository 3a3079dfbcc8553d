#pragma once

#include <QJsonValue>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Tenantry::Widgets {

// Two JSON values side by side, "Before" and "After", pretty-printed with sorted keys. When
// both are objects, the top-level keys whose value differs are highlighted on both sides:
// amber where the value changed, red where the key was removed, green where it was added.
// A Null value reads "No state recorded". GUI thread only.
class JsonDiffView final : public QWidget
{
    Q_OBJECT

public:
    explicit JsonDiffView(QWidget *parent = nullptr);

    void setStates(const QJsonValue &before, const QJsonValue &after);
    void clear();

    // What the two panes show, as plain text.
    QString beforeText() const;
    QString afterText() const;
    // The highlighted top-level keys, sorted.
    QStringList changedKeys() const { return m_changedKeys; }

    // The top-level keys of two objects whose values differ (added, removed or changed),
    // sorted; empty unless both values are objects.
    static QStringList changedTopLevelKeys(const QJsonValue &before, const QJsonValue &after);

private:
    QPlainTextEdit *m_before = nullptr;
    QPlainTextEdit *m_after = nullptr;
    QStringList m_changedKeys;
};

} // namespace Tenantry::Widgets
