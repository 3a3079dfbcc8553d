#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Tenantry::Widgets {

class ConnectionProfiles;
class MessageBanner;
class SecretStore;

// File > Connect to…: the saved connection profiles, each of one kind: a data directory, a
// PostgreSQL catalog (its URL), or a remote server (its address). The database password
// typed (or found in a pasted URL) and the server's admin token go to the SecretStore, never
// into the profile. Save keeps a profile, Delete forgets it and its secrets, Connect saves and
// asks for the console to open it (connectRequested). Where no keychain is available the
// banner says where secrets are kept instead; a server address that would send the token in
// clear text is warned about. GUI thread only; the profiles and secrets must outlive the dialog.
class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    ConnectDialog(ConnectionProfiles &profiles, SecretStore &secrets, const QString &current,
                  QWidget *parent = nullptr);

    // What Save does; false (with the reason in the banner) when the profile was refused.
    bool saveProfile();
    void deleteProfile();
    // Saves, emits connectRequested and closes; false when saving failed.
    bool connectToProfile();

    // The kinds, in the order the Kind field lists them.
    enum class ProfileKind { DataDirectory, Postgres, Server };

Q_SIGNALS:
    void connectRequested(const QString &profileName);

private:
    ProfileKind kind() const;
    void reloadList(const QString &select);
    void showProfile(const QString &name);
    void updateFields();

    ConnectionProfiles &m_profiles;
    SecretStore &m_secrets;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_dataDir;
    QComboBox *m_kind; // ProfileKind
    QLineEdit *m_url;
    QLineEdit *m_password;
    QLineEdit *m_server;
    QLineEdit *m_token;
    MessageBanner *m_banner;
};

} // namespace Tenantry::Widgets
