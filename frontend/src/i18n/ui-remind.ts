// The words of the to-do view (待办): reminders grouped by the person responsible.
export const messages = {
  remind: {
    nav: ['待办', 'To do'],
    title: ['待办提醒', 'To do'],
    hint: [
      '整改期限和预备党员转正提前{n}天提醒；换届按规则提前三个月提醒；流动党员未按月报告、网格党支部书记缺席月例会即时提醒。',
      'Deadlines and confirmations are reminded {n} days ahead; terms three months ahead, as the rule says; missing monthly reports and missed training as soon as they happen.',
    ],
    within: ['提前天数', 'Days ahead'],
    withinDays: ['提前{n}天', '{n} days ahead'],
    export: ['导出 Excel', 'Export to Excel'],
    filter: ['按类别筛选', 'Filter by kind'],
    total: ['共{n}项待办', '{n} reminder(s)'],
    none: ['没有待办事项', 'Nothing is due'],
    nobody: ['未指定负责人', 'Nobody responsible'],
    kindColumn: ['类别', 'Kind'],
    subject: ['对象', 'About'],
    due: ['到期日', 'Due'],
    remedy: ['办理', 'Deal with it'],
    overdueBy: ['已逾期{n}天', '{n} day(s) overdue'],
    dueToday: ['今天到期', 'Due today'],
    dueIn: ['还有{n}天', 'In {n} day(s)'],
    kind: {
      RECTIFICATION: ['整改期限', 'Rectification deadline'],
      TERM_RENEWAL: ['换届', 'Term renewal'],
      MOBILE_REPORT: ['流动党员报告', 'Mobile member report'],
      PROBATION: ['预备党员转正', 'Probation ending'],
      SECRETARY_TRAINING: ['书记缺席月例会', 'Missed secretary training'],
    },
    action: {
      renew: ['办理换届', 'Renew the committee'],
      mobileReport: ['登记报告', 'Record a report'],
      confirm: ['办理转正', 'Confirm'],
    },
  },
}
