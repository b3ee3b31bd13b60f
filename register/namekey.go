package register

import "jiceng/collate"

// nameKeys gives every member, unit and organisation that has none the key
// its name is sorted by (see package collate): records written before the
// key was kept, and bulk-loaded ones, which bypass the hooks that write it.
func (b *backfill) nameKeys() error {
	for _, table := range []string{"members", "units", "organizations"} {
		rows, err := b.tx.QueryContext(b.ctx, `SELECT id, name FROM `+table+` WHERE name_key IS NULL OR name_key = ''`)
		if err != nil {
			return err
		}
		keys := map[int]string{}
		for rows.Next() {
			var id int
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return err
			}
			keys[id] = collate.Key(name)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(keys) == 0 {
			continue
		}
		stmt, err := b.tx.PrepareContext(b.ctx, b.bind(`UPDATE `+table+` SET name_key = ? WHERE id = ?`))
		if err != nil {
			return err
		}
		for id, key := range keys {
			if _, err := stmt.ExecContext(b.ctx, key, id); err != nil {
				stmt.Close()
				return err
			}
		}
		stmt.Close()
	}
	return nil
}
