#include "widgets/tenants/tenantdialog.h"

#include "core/tenancy/slug.h"
#include "core/tenancy/tenantconfig.h"
#include "core/tenancy/tenantservice.h"
#include "widgets/consoleactor.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QColorDialog>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

const QString kAllFields = u"*"_s;

// "must not be empty" -> "Must not be empty." Core's field messages are fragments.
QString sentence(QString message)
{
    if (message.isEmpty())
        return message;
    message[0] = message.at(0).toUpper();
    if (!message.endsWith(u'.'))
        message.append(u'.');
    return message;
}

// Field names arrive as plain names or JSON pointers; the form keys them by plain name.
QString fieldKey(const QString &field)
{
    return field.startsWith(u'/') ? field.mid(1) : field;
}

// A slug suggestion from a display name: ASCII letters and digits, runs of anything else
// collapsed into one hyphen. normalizeSlug() still has the last word.
QString suggestSlug(const QString &displayName)
{
    const QString decomposed = displayName.normalized(QString::NormalizationForm_KD).toLower();
    QString slug;
    slug.reserve(decomposed.size());
    for (QChar c : decomposed) {
        const char16_t u = c.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
            slug.append(c);
        else if (c.category() == QChar::Mark_NonSpacing)
            continue; // accents left over from decomposition: "é" -> "e"
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug.append(u'-');
    }
    slug.truncate(63);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

QIcon swatch(const QString &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0, 0, 0, 90));
    painter.setBrush(QColor::fromString(color));
    painter.drawRect(0, 0, 15, 15);
    return QIcon(pixmap);
}

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, TenantTableModel::statusColor(TenantStatus::Deleted));
    label->setPalette(palette);
    label->hide();
    return label;
}

} // namespace

TenantDialog::TenantDialog(TenantService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setWindowTitle(tr("New Tenant"));
    buildForm();
}

TenantDialog::TenantDialog(TenantService *service, const Tenant &tenant, Purpose purpose, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_source(tenant)
    , m_edit(purpose == Purpose::Edit)
{
    setWindowTitle(m_edit ? tr("Edit Tenant") : tr("Clone Tenant"));
    buildForm();
}

QString TenantDialog::fieldLabel(const QString &field)
{
    const QString key = fieldKey(field);
    if (key == "slug"_L1)
        return tr("Slug");
    if (key == "display_name"_L1)
        return tr("Display name");
    if (key == "plan"_L1)
        return tr("Plan");
    if (key == "locale"_L1)
        return tr("Locale");
    if (key == "time_zone"_L1)
        return tr("Time zone");
    if (key == "theme_color"_L1)
        return tr("Theme colour");
    if (key == "settings"_L1)
        return tr("Settings");
    if (key == "isolation"_L1)
        return tr("Isolation");
    return field;
}

void TenantDialog::buildForm()
{
    m_pages = new QStackedWidget(this);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_pages);

    auto *formPage = new QWidget(m_pages);
    auto *formLayout = new QVBoxLayout(formPage);
    formLayout->setContentsMargins(0, 0, 0, 0);

    if (isClone()) {
        auto *intro = new QLabel(formPage);
        intro->setWordWrap(true);
        intro->setTextFormat(Qt::RichText);
        intro->setText(tr("The new tenant gets the plan and configuration of <b>%1</b> (%2). "
                          "Its data and API keys are not copied.")
                           .arg(m_source->config.displayName.toHtmlEscaped(), m_source->slug.toHtmlEscaped()));
        formLayout->addWidget(intro);
    }

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // The wizard gives each group of fields a step of its own; clone and edit show one form.
    QFormLayout *identityForm = form;
    QFormLayout *planForm = form;
    QFormLayout *regionForm = form;
    if (isWizard()) {
        m_stepTitle = new QLabel(formPage);
        m_stepTitle->setObjectName(u"wizardStepTitle"_s);
        QFont title = m_stepTitle->font();
        title.setBold(true);
        title.setPointSizeF(title.pointSizeF() * 1.15);
        m_stepTitle->setFont(title);
        formLayout->addWidget(m_stepTitle);
        m_steps = new QStackedWidget(formPage);
        m_steps->setObjectName(u"wizardSteps"_s);
        const auto addStep = [this, formPage](const QString &intro) {
            auto *step = new QWidget(formPage);
            auto *layout = new QVBoxLayout(step);
            layout->setContentsMargins(0, 0, 0, 0);
            auto *text = new QLabel(intro, step);
            text->setWordWrap(true);
            layout->addWidget(text);
            auto *stepForm = new QFormLayout;
            stepForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
            layout->addLayout(stepForm);
            layout->addStretch();
            m_steps->addWidget(step);
            return stepForm;
        };
        identityForm = addStep(tr("How operators and the tenant's users will know it. The slug identifies it in "
                                  "URLs and API calls and cannot be changed later."));
        planForm = addStep(tr("What the tenant may use and where its data lives."));
        regionForm = addStep(tr("How dates, times and the tenant's branding look."));
        auto *review = new QWidget(formPage);
        auto *reviewLayout = new QVBoxLayout(review);
        reviewLayout->setContentsMargins(0, 0, 0, 0);
        m_review = new QLabel(review);
        m_review->setObjectName(u"wizardReview"_s);
        m_review->setTextFormat(Qt::RichText);
        m_review->setWordWrap(true);
        reviewLayout->addWidget(m_review);
        reviewLayout->addStretch();
        m_steps->addWidget(review);
        formLayout->addWidget(m_steps);
        delete form; // never used: every field has its step
        form = nullptr;
    } else {
        formLayout->addLayout(form);
    }

    m_displayName = new QLineEdit(formPage);
    m_displayName->setObjectName(u"displayNameEdit"_s);
    m_displayName->setPlaceholderText(tr("e.g. Acme Corporation"));
    m_displayName->setMaxLength(200);
    addField(identityForm, tr("&Display name:"), m_displayName, u"display_name"_s);

    m_slug = new QLineEdit(formPage);
    m_slug->setObjectName(u"slugEdit"_s);
    m_slug->setPlaceholderText(tr("e.g. acme"));
    m_slug->setMaxLength(63);
    m_slug->setToolTip(tr("Identifies the tenant in URLs and API calls, e.g. acme.example.com. "
                          "Lower-case letters, digits and hyphens. It cannot be changed later."));
    addField(identityForm, tr("&Slug:"), m_slug, u"slug"_s);
    if (m_edit) {
        m_slug->setText(m_source->slug);
        m_slug->setReadOnly(true);
        m_slugEditedByHand = true; // the display name no longer suggests one
    }

    if (!isClone()) {
        if (!m_edit) {
            m_plan = new QComboBox(formPage);
            m_plan->setObjectName(u"planCombo"_s);
            for (const QString &plan : {u"free"_s, u"basic"_s, u"pro"_s, u"enterprise"_s})
                m_plan->addItem(TenantTableModel::planLabel(plan), plan);
            addField(planForm, tr("&Plan:"), m_plan, u"plan"_s);

            m_isolation = new QComboBox(formPage);
            m_isolation->setObjectName(u"isolationCombo"_s);
            m_isolation->addItem(tr("As the plan says"), QString());
            for (const QString &strategy : {u"shared"_s, u"schema"_s, u"database"_s})
                m_isolation->addItem(TenantTableModel::isolationLabel(strategy), strategy);
            m_isolation->setToolTip(tr("Where the tenant's data lives: tables shared with other tenants (rows "
                                       "keyed by tenant), a schema of its own (PostgreSQL), or a database of its own. "
                                       "It cannot be changed later."));
            addField(planForm, tr("&Isolation:"), m_isolation, u"isolation"_s);
            connect(m_isolation, &QComboBox::currentIndexChanged, this, [this] { touch(u"isolation"_s); });
        } else {
            auto *plan = new QLabel(tr("%1 — changed with the subscription, on the Subscriptions & Billing page")
                                        .arg(TenantTableModel::planLabel(m_source->plan)),
                                    formPage);
            plan->setWordWrap(true);
            planForm->addRow(tr("Plan:"), plan);
        }

        const TenantConfig defaults = m_edit ? m_source->config : TenantConfig{};
        m_locale = new QComboBox(formPage);
        m_locale->setObjectName(u"localeCombo"_s);
        m_locale->setEditable(true);
        m_locale->setInsertPolicy(QComboBox::NoInsert);
        for (const QString &code : {u"en_US"_s, u"en_GB"_s, u"de_DE"_s, u"fr_FR"_s, u"es_ES"_s, u"it_IT"_s,
                                    u"pt_BR"_s, u"nl_NL"_s, u"sv_SE"_s, u"pl_PL"_s, u"ja_JP"_s, u"ko_KR"_s,
                                    u"zh_CN"_s, u"zh_TW"_s}) {
            m_locale->addItem(code);
            m_locale->setItemData(m_locale->count() - 1, QLocale(code).nativeLanguageName(), Qt::ToolTipRole);
        }
        m_locale->setCurrentText(defaults.locale);
        addField(regionForm, tr("&Locale:"), m_locale, u"locale"_s);

        m_timeZone = new QComboBox(formPage);
        m_timeZone->setObjectName(u"timeZoneCombo"_s);
        m_timeZone->setEditable(true);
        m_timeZone->setInsertPolicy(QComboBox::NoInsert);
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
            m_timeZone->addItem(QString::fromUtf8(id));
        m_timeZone->setCurrentText(defaults.timeZone);
        m_timeZone->completer()->setFilterMode(Qt::MatchContains);
        m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        m_timeZone->completer()->setCompletionMode(QCompleter::PopupCompletion);
        addField(regionForm, tr("&Time zone:"), m_timeZone, u"time_zone"_s);

        m_colorButton = new QPushButton(formPage);
        m_colorButton->setObjectName(u"themeColorButton"_s);
        m_colorButton->setToolTip(tr("Accent colour of the tenant's branding"));
        auto *colorRow = new QWidget(formPage);
        auto *colorLayout = new QHBoxLayout(colorRow);
        colorLayout->setContentsMargins(0, 0, 0, 0);
        colorLayout->addWidget(m_colorButton);
        colorLayout->addStretch();
        setThemeColor(defaults.themeColor);
        connect(m_colorButton, &QPushButton::clicked, this, &TenantDialog::chooseThemeColor);
        addField(regionForm, tr("Theme &colour:"), colorRow, u"theme_color"_s);

        if (!m_edit) {
            m_activate = new QCheckBox(tr("&Activate immediately"), formPage);
            m_activate->setObjectName(u"activateCheck"_s);
            m_activate->setChecked(true);
            m_activate->setToolTip(tr("Otherwise the tenant stays pending until you activate it."));
            planForm->addRow(QString(), m_activate);
        }

        connect(m_locale, &QComboBox::currentTextChanged, this, [this] { touch(u"locale"_s); });
        connect(m_timeZone, &QComboBox::currentTextChanged, this, [this] { touch(u"time_zone"_s); });
    }

    m_formError = makeErrorLabel(formPage);
    m_formError->setObjectName(u"formErrorLabel"_s);
    formLayout->addWidget(m_formError);
    formLayout->addStretch();

    m_formButtons = new QDialogButtonBox(QDialogButtonBox::Cancel, formPage);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    if (isWizard()) {
        // Beside the box rather than in it, so Back and Next come before Create and Cancel
        // whatever order the platform gives a button box's roles.
        m_backButton = new QPushButton(tr("< &Back"), formPage);
        m_backButton->setObjectName(u"backButton"_s);
        connect(m_backButton, &QPushButton::clicked, this, &TenantDialog::back);
        m_nextButton = new QPushButton(tr("&Next >"), formPage);
        m_nextButton->setObjectName(u"nextButton"_s);
        connect(m_nextButton, &QPushButton::clicked, this, &TenantDialog::next);
        buttonRow->addWidget(m_backButton);
        buttonRow->addWidget(m_nextButton);
    }
    buttonRow->addWidget(m_formButtons);
    m_createButton = m_formButtons->addButton(m_edit ? tr("&Save") : isClone() ? tr("C&lone") : tr("C&reate"),
                                              QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(u"createButton"_s);
    m_createButton->setDefault(true);
    connect(m_formButtons, &QDialogButtonBox::accepted, this, &TenantDialog::submit);
    connect(m_formButtons, &QDialogButtonBox::rejected, this, &TenantDialog::reject);
    formLayout->addLayout(buttonRow);

    m_pages->addWidget(formPage);
    m_pages->addWidget(buildKeyPage());

    connect(m_displayName, &QLineEdit::textChanged, this, [this](const QString &name) {
        // A clone's slug comes from the source's slug: a translated "(copy)" suffix may hold
        // no ASCII at all and would suggest the source's own, taken, slug.
        if (!m_slugEditedByHand)
            m_slug->setText(suggestSlug(m_source ? m_source->slug + u"-copy"_s : name));
        touch(u"display_name"_s);
    });
    connect(m_slug, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Clearing the slug hands it back to the suggestion from the display name.
        m_slugEditedByHand = !text.isEmpty();
        touch(u"slug"_s);
    });

    if (isClone())
        m_displayName->setText(tr("%1 (copy)").arg(m_source->config.displayName));
    else if (m_edit)
        m_displayName->setText(m_source->config.displayName);
    // Pre-filled values are not the operator's mistakes: start with no messages shown.
    m_touched.clear();
    showErrors({});
    if (isWizard())
        showStep(0);
    setMinimumWidth(520);
}

int TenantDialog::stepOf(const QString &field)
{
    const QString key = fieldKey(field);
    if (key == "display_name"_L1 || key == "slug"_L1)
        return 0;
    if (key == "plan"_L1 || key == "isolation"_L1)
        return 1;
    return 2; // locale, time zone, theme colour, settings
}

int TenantDialog::currentStep() const
{
    return m_steps ? m_steps->currentIndex() : 0;
}

void TenantDialog::showStep(int step)
{
    if (!m_steps)
        return;
    step = std::clamp(step, 0, kStepCount - 1);
    m_steps->setCurrentIndex(step);
    const QString titles[kStepCount] = {tr("Name"), tr("Plan and data"), tr("Region and branding"), tr("Review")};
    m_stepTitle->setText(tr("Step %1 of %2: %3").arg(step + 1).arg(kStepCount).arg(titles[step]));
    const bool last = step == kStepCount - 1;
    if (last)
        m_review->setText(reviewText());
    m_backButton->setEnabled(step > 0);
    m_nextButton->setVisible(!last);
    m_createButton->setVisible(last);
    // Enter moves on until the review, where it creates.
    m_nextButton->setDefault(!last);
    m_createButton->setDefault(last);
}

bool TenantDialog::next()
{
    if (!m_steps || currentStep() == kStepCount - 1)
        return false;
    const int step = currentStep();
    const QHash<QString, QString> errors = validationErrors();
    bool stepValid = true;
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        if (stepOf(it.key()) != step)
            continue;
        m_touched.insert(it.key());
        stepValid = stepValid && !errors.contains(it.key());
    }
    showErrors(errors);
    if (!stepValid)
        return false;
    showStep(step + 1);
    return true;
}

void TenantDialog::back()
{
    if (m_steps && currentStep() > 0)
        showStep(currentStep() - 1);
}

QString TenantDialog::reviewText() const
{
    const TenantConfig c = config();
    const QString isolation = m_isolation->currentData().toString();
    const auto row = [](const QString &label, const QString &value) {
        return u"<tr><td style='padding-right:12px'>%1</td><td><b>%2</b></td></tr>"_s.arg(label.toHtmlEscaped(),
                                                                                        value.toHtmlEscaped());
    };
    QString rows;
    rows += row(tr("Display name:"), c.displayName.isEmpty() ? m_slug->text().trimmed() : c.displayName);
    rows += row(tr("Slug:"), m_slug->text().trimmed());
    rows += row(tr("Plan:"), m_plan->currentText());
    rows += row(tr("Isolation:"), isolation.isEmpty() ? m_isolation->currentText()
                                                      : TenantTableModel::isolationLabel(isolation));
    rows += row(tr("Starts:"), m_activate->isChecked() ? tr("active") : tr("pending, until activated"));
    rows += row(tr("Locale:"), c.locale);
    rows += row(tr("Time zone:"), c.timeZone);
    rows += row(tr("Theme colour:"), c.themeColor);
    return tr("<p>Create this tenant?</p>") + u"<table>"_s + rows + u"</table>"_s
        + tr("<p>Its first API key is shown on the next page, once.</p>");
}

QWidget *TenantDialog::buildKeyPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    m_keyHeadline = new QLabel(page);
    m_keyHeadline->setWordWrap(true);
    m_keyHeadline->setTextFormat(Qt::RichText);
    layout->addWidget(m_keyHeadline);
    layout->addSpacing(6);

    layout->addWidget(new QLabel(tr("Its first API key:"), page));
    auto *keyRow = new QHBoxLayout;
    m_keyField = new QLineEdit(page);
    m_keyField->setObjectName(u"apiKeyField"_s);
    m_keyField->setReadOnly(true);
    m_keyField->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_keyField->setMinimumWidth(m_keyField->fontMetrics().horizontalAdvance(u'0') * 48);
    keyRow->addWidget(m_keyField, 1);
    auto *copy = new QPushButton(tr("&Copy"), page);
    copy->setObjectName(u"copyKeyButton"_s);
    copy->setAutoDefault(false);
    connect(copy, &QPushButton::clicked, this, [this, copy] {
        QGuiApplication::clipboard()->setText(m_keyField->text());
        copy->setText(tr("Copied"));
    });
    keyRow->addWidget(copy);
    layout->addLayout(keyRow);

    auto *warning = new QHBoxLayout;
    auto *icon = new QLabel(page);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop);
    warning->addWidget(icon);
    auto *text = new QLabel(tr("<b>This key is shown only once.</b> Copy it now and store it somewhere "
                               "safe: it cannot be shown again. If it is lost, issue a new key and "
                               "revoke this one."),
                            page);
    text->setObjectName(u"keyWarningLabel"_s);
    text->setWordWrap(true);
    warning->addWidget(text, 1);
    layout->addLayout(warning);
    layout->addStretch();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Done"));
    connect(buttons, &QDialogButtonBox::rejected, this, &TenantDialog::accept);
    layout->addWidget(buttons);
    return page;
}

void TenantDialog::addField(QFormLayout *form, const QString &label, QWidget *editor, const QString &field)
{
    auto *cell = new QWidget(editor->parentWidget());
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    QLabel *error = makeErrorLabel(cell);
    error->setObjectName(field + u"Error"_s);
    layout->addWidget(error);
    m_errorLabels.insert(field, error);

    form->addRow(label, cell);
    if (auto *buddy = qobject_cast<QLabel *>(form->labelForField(cell)))
        buddy->setBuddy(editor);
}

TenantConfig TenantDialog::config() const
{
    TenantConfig config = m_source ? m_source->config : TenantConfig{};
    config.displayName = m_displayName->text().trimmed();
    if (!isClone()) {
        config.locale = m_locale->currentText().trimmed();
        config.timeZone = m_timeZone->currentText().trimmed();
        config.themeColor = m_themeColor;
    }
    return config;
}

QHash<QString, QString> TenantDialog::validationErrors() const
{
    QHash<QString, QString> errors = m_serviceErrors;
    if (Result<QString> slug = normalizeSlug(m_slug->text()); !slug)
        errors.insert(u"slug"_s, slug.error().message);
    if (Status valid = validateConfig(config()); !valid) {
        for (const FieldError &field : valid.error().fields)
            errors.insert(fieldKey(field.field), sentence(field.message));
    }
    return errors;
}

void TenantDialog::showErrors(const QHash<QString, QString> &errors)
{
    const bool all = m_touched.contains(kAllFields);
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const bool show = errors.contains(it.key()) && (all || m_touched.contains(it.key()));
        it.value()->setText(show ? errors.value(it.key()) : QString());
        it.value()->setVisible(show);
    }

    // Problems with fields this form does not show (e.g. a clone source's settings).
    QStringList others;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it) {
        if (!m_errorLabels.contains(it.key()))
            others.append(tr("%1: %2").arg(fieldLabel(it.key()), it.value()));
    }
    others.sort();
    const bool showOthers = all && !others.isEmpty();
    m_formError->setText(showOthers ? others.join(u'\n') : QString());
    m_formError->setVisible(showOthers);
}

void TenantDialog::showServiceError(const Error &error)
{
    for (const FieldError &field : error.fields)
        m_serviceErrors.insert(fieldKey(field.field), sentence(field.message));
    if (error.code == "slug-taken"_L1 && error.fields.isEmpty())
        m_serviceErrors.insert(u"slug"_s, error.message);
    m_touched.insert(kAllFields);
    showErrors(validationErrors());

    bool shownInline = false;
    for (auto it = m_serviceErrors.cbegin(); it != m_serviceErrors.cend(); ++it)
        shownInline = shownInline || m_errorLabels.contains(it.key());
    if (!shownInline) {
        m_formError->setText(error.message);
        m_formError->setVisible(true);
    }
}

void TenantDialog::touch(const QString &field)
{
    m_touched.insert(field);
    m_serviceErrors.remove(field);
    showErrors(validationErrors());
}

void TenantDialog::setThemeColor(const QString &color)
{
    m_themeColor = color;
    m_colorButton->setIcon(swatch(color));
    m_colorButton->setText(color);
}

void TenantDialog::chooseThemeColor()
{
    const QColor chosen = QColorDialog::getColor(QColor::fromString(m_themeColor), this, tr("Theme Colour"));
    if (!chosen.isValid())
        return;
    setThemeColor(chosen.name(QColor::HexRgb));
    touch(u"theme_color"_s);
}

bool TenantDialog::submit()
{
    if (m_created || !m_service)
        return false;
    if (m_edit)
        return submitEdit();
    m_touched.insert(kAllFields);
    const QHash<QString, QString> errors = validationErrors();
    showErrors(errors);
    if (!errors.isEmpty()) {
        if (m_steps) {
            int first = kStepCount - 1;
            for (auto it = errors.cbegin(); it != errors.cend(); ++it)
                first = std::min(first, stepOf(it.key()));
            showStep(first);
        }
        // Focus the first bad field in form order.
        const QList<std::pair<QString, QWidget *>> editors = {
            {u"display_name"_s, m_displayName}, {u"slug"_s, m_slug},
            {u"locale"_s, m_locale}, {u"time_zone"_s, m_timeZone}};
        for (const auto &[field, editor] : editors) {
            if (editor && errors.contains(field)) {
                editor->setFocus();
                break;
            }
        }
        return false;
    }

    const QString slug = normalizeSlug(m_slug->text()).value();
    m_formError->hide();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    Result<CreatedTenant> created = [&]() -> Result<CreatedTenant> {
        if (m_source) {
            return m_service->clone(consoleActor(), m_source->slug, slug,
                                    QJsonObject{{u"display_name"_s, config().displayName}});
        }
        NewTenant request;
        request.slug = slug;
        request.plan = m_plan->currentData().toString();
        request.isolation = m_isolation->currentData().toString();
        request.config = config();
        request.activate = m_activate->isChecked();
        return m_service->create(consoleActor(), request);
    }();
    QGuiApplication::restoreOverrideCursor();

    if (!created) {
        showServiceError(created.error());
        // Back to the step of the field the service named, e.g. a taken slug.
        if (m_steps && !created.error().fields.isEmpty())
            showStep(stepOf(created.error().fields.first().field));
        else if (m_steps && created.error().code == "slug-taken"_L1)
            showStep(stepOf(u"slug"_s));
        return false;
    }
    m_created = created->tenant;
    Q_EMIT tenantCreated(created->tenant);
    showKey(created.value());
    return true;
}

bool TenantDialog::submitEdit()
{
    m_touched.insert(kAllFields);
    const QHash<QString, QString> errors = validationErrors();
    showErrors(errors);
    if (!errors.isEmpty())
        return false;
    // Only what changed, so the audit entry says what the operator did.
    const TenantConfig now = config();
    const TenantConfig &before = m_source->config;
    QJsonObject patch;
    if (now.displayName != before.displayName)
        patch.insert(u"display_name"_s, now.displayName);
    if (now.locale != before.locale)
        patch.insert(u"locale"_s, now.locale);
    if (now.timeZone != before.timeZone)
        patch.insert(u"time_zone"_s, now.timeZone);
    if (now.themeColor != before.themeColor)
        patch.insert(u"theme_color"_s, now.themeColor);
    if (patch.isEmpty()) {
        accept();
        return true;
    }
    m_formError->hide();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    Result<Tenant> updated = m_service->updateConfig(consoleActor(), m_source->slug, patch);
    QGuiApplication::restoreOverrideCursor();
    if (!updated) {
        showServiceError(updated.error());
        return false;
    }
    Q_EMIT tenantUpdated(updated.value());
    accept();
    return true;
}

void TenantDialog::reject()
{
    // Once the tenant exists there is nothing to cancel: closing just dismisses the key.
    if (m_created)
        accept();
    else
        QDialog::reject();
}

void TenantDialog::showKey(const CreatedTenant &created)
{
    setWindowTitle(m_source ? tr("Tenant Cloned") : tr("Tenant Created"));
    m_keyHeadline->setText(tr("Tenant <b>%1</b> (%2) has been created.")
                               .arg(created.tenant.config.displayName.toHtmlEscaped(),
                                    created.tenant.slug.toHtmlEscaped()));
    m_keyField->setText(created.firstKey.secret);
    m_pages->setCurrentIndex(1);
    m_keyField->setFocus();
    m_keyField->selectAll();
}

} // namespace Tenantry::Widgets
