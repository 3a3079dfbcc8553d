#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace Tenantry::Widgets {

// A one-line notice inside a page or window, tinted by kind, with an icon, the text, optional
// buttons and a close button: the console's way to say something without a modal dialog.
// Hidden until show...() is called; closing hides it and emits closed(). GUI thread only.
class MessageBanner final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows `text` (plain text) as `kind`; replaces what was shown.
    void showMessage(Kind kind, const QString &text);
    Kind kind() const { return m_kind; }
    QString text() const;

    // Adds a button before the close button; the caller connects it.
    QPushButton *addButton(const QString &text);
    // Shows or hides the close button (shown by default), e.g. when a button of the
    // caller's already dismisses the banner.
    void setClosable(bool closable);

Q_SIGNALS:
    // The operator closed the banner.
    void closed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Kind m_kind = Kind::Information;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace Tenantry::Widgets
