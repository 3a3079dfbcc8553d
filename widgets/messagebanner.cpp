#include "widgets/messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

// Background tints and frame colours that read as information / warning / error on light and
// dark palettes; the text keeps the palette's own colour.
QColor tint(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Information: return QColor(0x2f, 0x6f, 0xeb, 40);
    case MessageBanner::Kind::Warning: return QColor(0xd4, 0xa0, 0x17, 70);
    case MessageBanner::Kind::Error: return QColor(0xcf, 0x22, 0x2e, 45);
    }
    return {};
}

QColor edge(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Information: return QColor(0x2f, 0x6f, 0xeb);
    case MessageBanner::Kind::Warning: return QColor(0xb0, 0x7d, 0x00);
    case MessageBanner::Kind::Error: return QColor(0xcf, 0x22, 0x2e);
    }
    return {};
}

QStyle::StandardPixmap iconFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Information: return QStyle::SP_MessageBoxInformation;
    case MessageBanner::Kind::Warning: return QStyle::SP_MessageBoxWarning;
    case MessageBanner::Kind::Error: return QStyle::SP_MessageBoxCritical;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"messageBanner"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_icon = new QLabel(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setObjectName(u"bannerText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(6);
    layout->addLayout(m_buttons);
    m_close = new QToolButton(this);
    m_close->setObjectName(u"bannerClose"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, this));
    m_close->setToolTip(tr("Close"));
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(iconFor(kind), nullptr, this).pixmap(side, side));
    m_text->setText(text);
    update();
    show();
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(edge(m_kind));
    painter.setBrush(tint(m_kind));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

QPushButton *MessageBanner::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    button->setAutoDefault(false);
    m_buttons->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

} // namespace Tenantry::Widgets
