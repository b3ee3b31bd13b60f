// The words of the operations' dialogs (components/ActionDialog.vue).
export const messages = {
  action: {
    preview: ['将要变更', 'What will change'],
    next: ['下一步', 'Next'],
    back: ['返回修改', 'Back'],
    confirm: ['确定', 'Confirm'],
    confirmEnds: [
      '此操作将结束一段历史，自 {date} 起生效，之后只能通过新的记录更正。确定执行吗？',
      'This ends a period of the record’s history from {date}; afterwards it can only be corrected by a new record. Go ahead?',
    ],
  },
} as const
